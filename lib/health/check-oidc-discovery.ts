/**
 * OpenID Connect discovery, checked at start-up (and again until it succeeds) so an
 * unreachable or misconfigured issuer shows in /api/readyz rather than on the first
 * sign-in. The outcome is kept per process for readiness.
 */
import { env } from "@/lib/env";
import { engineState } from "@/lib/engine/process-state";
import { logger } from "@/lib/observability/logger";

const RETRY_MS = 15_000;

export type OidcDiscovery = { ok: true } | { ok: false; reason: string };

export async function discoverOidcIssuer(issuer: string, timeoutMs = 5_000): Promise<OidcDiscovery> {
  const url = `${issuer.replace(/\/$/, "")}/.well-known/openid-configuration`;
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), headers: { accept: "application/json" } });
    if (!response.ok) return { ok: false, reason: `OIDC discovery at ${url} answered ${response.status}` };
    const document = (await response.json()) as { issuer?: unknown; authorization_endpoint?: unknown };
    if (document.issuer !== issuer.replace(/\/$/, "") && document.issuer !== issuer) {
      return { ok: false, reason: `OIDC discovery at ${url} names issuer ${String(document.issuer)}, not OIDC_ISSUER` };
    }
    if (typeof document.authorization_endpoint !== "string")
      return { ok: false, reason: `OIDC discovery at ${url} has no authorization_endpoint` };
    return { ok: true };
  } catch (error) {
    const why = error instanceof Error && error.name === "TimeoutError" ? `no answer within ${timeoutMs} ms` : "unreachable";
    return { ok: false, reason: `OIDC discovery at ${url}: ${why}` };
  }
}

/** Checks the configured issuer now and keeps checking until it answers; no issuer, nothing to check. */
export function watchOidcDiscovery(log: (message: string) => void = (message) => logger.warn(message)): void {
  const issuer = env.OIDC_ISSUER;
  const state = engineState();
  if (!issuer || state.oidc) return;
  state.oidc = { ok: false, reason: "OIDC discovery not checked yet" };
  const check = async () => {
    const result = await discoverOidcIssuer(issuer);
    state.oidc = result;
    if (result.ok) return;
    log(`${result.reason}; sign-in will fail until it answers (checking again in ${RETRY_MS / 1000} s)`);
    setTimeout(() => void check(), RETRY_MS).unref();
  };
  void check();
}

/** The last discovery outcome; ok when no issuer is configured or nobody checked in this process. */
export function oidcDiscoveryState(): OidcDiscovery {
  return engineState().oidc ?? { ok: true };
}
