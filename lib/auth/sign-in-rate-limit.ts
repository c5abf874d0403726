/**
 * Sign-in attempts per client address, counted in PostgreSQL across replicas: starting
 * a sign-in (POST /api/auth/signin/<provider>) and coming back from the IdP
 * (/api/auth/callback/<provider>). Over the limit: 429 with Retry-After.
 */
import { isAppError } from "@/lib/errors";
import { requestClientIp } from "@/lib/http/request-peer";
import { signInLimit } from "@/lib/rate-limit/limits";
import { countAttempt } from "@/lib/rate-limit/rate-limit";

const SIGN_IN_PATH = /^\/api\/auth\/(signin|callback)\/[^/]+$/;

export async function signInRateLimited(request: Request): Promise<Response | null> {
  const { pathname } = new URL(request.url);
  if (!SIGN_IN_PATH.test(pathname) || (pathname.startsWith("/api/auth/signin/") && request.method !== "POST")) return null;
  try {
    await countAttempt(signInLimit(), requestClientIp(request.headers), "sign-in attempts");
    return null;
  } catch (error) {
    if (!isAppError(error) || error.code !== "RATE_LIMITED") throw error;
    return Response.json(
      { error: { code: error.code, message: error.message } },
      { status: 429, headers: { "retry-after": String(error.retryAfterSeconds ?? 60) } },
    );
  }
}
