/**
 * Every page and route needs a session, except the few in lib/auth/public-paths.ts.
 * This only checks that the session cookie is valid; pages and actions still load the
 * user (lib/auth/session.ts) and their permissions themselves.
 */
import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { authSecret } from "@/lib/auth/secret";
import { isApiPath, isPublicPath } from "@/lib/auth/public-paths";

export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (isPublicPath(pathname)) return NextResponse.next();
  if (await getToken({ req: request, secret: authSecret() })) return NextResponse.next();

  if (isApiPath(pathname)) {
    return NextResponse.json(
      { error: { code: "UNAUTHENTICATED", message: "Sign in first." } },
      { status: 401, headers: { "cache-control": "no-store" } },
    );
  }
  const signIn = new URL("/signin", request.url);
  signIn.searchParams.set("callbackUrl", `${pathname}${search}`);
  return NextResponse.redirect(signIn);
}

export const config = {
  // Build output and public files need no session.
  matcher: ["/((?!_next/static|_next/image|.*\\.(?:ico|png|jpg|jpeg|gif|svg|webp|txt|woff2?)$).*)"],
};
