import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { signInRateLimited } from "@/lib/auth/sign-in-rate-limit";

const nextAuth = NextAuth(authOptions);

async function handler(request: Request, context: { params: Promise<{ nextauth: string[] }> }) {
  return (await signInRateLimited(request)) ?? nextAuth(request, context);
}

export { handler as GET, handler as POST };
