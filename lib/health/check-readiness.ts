import { db } from "@/lib/db";
import { isShuttingDown } from "@/lib/engine/shutdown";
import { oidcDiscoveryState } from "./check-oidc-discovery";
import { logError } from "@/lib/observability/logger";

export type Readiness = { ready: true } | { ready: false; reason: string };

/**
 * Ready when this process is not shutting down, the OpenID Connect issuer answered its
 * discovery (checked at start-up), and the database answers a trivial query within
 * `timeoutMs`.
 */
export async function checkReadiness({ timeoutMs = 3_000 } = {}): Promise<Readiness> {
  if (isShuttingDown()) return { ready: false, reason: "shutting down" };
  const oidc = oidcDiscoveryState();
  if (!oidc.ok) return { ready: false, reason: oidc.reason };
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([db().$queryRaw`SELECT 1`, timeout]);
    return { ready: true };
  } catch (error) {
    // The details (host, user, driver message) go to the log, not to whoever asks.
    logError("readyz: database check failed", error);
    const timedOut = error instanceof Error && error.message.startsWith("no answer within");
    return {
      ready: false,
      reason: timedOut ? `database did not answer within ${timeoutMs} ms` : "database unreachable (see the server log)",
    };
  } finally {
    clearTimeout(timer);
  }
}
