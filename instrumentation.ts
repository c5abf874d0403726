/**
 * Runs once when the server starts. A bad environment stops the process here, with the
 * message naming the variable (exit 1), rather than serving 500s. The HTTP server hook
 * (lib/http/server-hook.ts) goes in before Next.js serves any request. Then the engine
 * starts (release queue, leader election, notifications, SIGTERM handling) and the
 * OpenID Connect issuer's discovery is checked for /api/readyz, and platform admins are
 * re-derived from the configuration (lib/users/reconcile-platform-admins.ts).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  try {
    await import("@/lib/env");
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
  const { installServerHook } = await import("@/lib/http/server-hook");
  installServerHook();
  const { handleTermination } = await import("@/lib/engine");
  const { startPlatformEngine } = await import("@/lib/platform-engine");
  const { watchOidcDiscovery } = await import("@/lib/health/check-oidc-discovery");
  startPlatformEngine();
  handleTermination();
  watchOidcDiscovery();
  const { reconcileAdminsAtStart } = await import("@/lib/users/reconcile-admins-at-start");
  await reconcileAdminsAtStart();
}
