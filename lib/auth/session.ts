/** The signed-in person, for server components, server actions and route handlers. */
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { cache } from "react";
import { db } from "@/lib/db";
import { authOptions } from "./options";

export type SessionUser = { id: string; email: string; name: string | null; isPlatformAdmin: boolean };

/** Once per request: the header and the page both ask (React `cache`). */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(authOptions);
  if (!session?.userId) return null;
  // The cookie only proves who this is; the row says what they may do now.
  return db().user.findUnique({
    where: { id: session.userId },
    select: { id: true, email: true, name: true, isPlatformAdmin: true },
  });
});

/** The signed-in person, or a redirect to /signin that comes back to `callbackPath`. */
export async function requireSessionUser(callbackPath = "/"): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(callbackPath)}`);
  return user;
}
