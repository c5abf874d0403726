/** A session cookie for a user, as next-auth would set it after sign-in. */
import { encode } from "next-auth/jwt";
import { authSecret } from "@/lib/auth/secret";

export async function sessionCookie(userId: string, sessionVersion = 0): Promise<string> {
  return encode({ token: { sub: userId, sv: sessionVersion }, secret: authSecret()!, maxAge: 60 * 60 });
}
