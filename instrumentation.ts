/**
 * Runs once when the server starts: a bad environment stops start-up here; the HTTP
 * server hook (lib/http/server-hook.ts) goes in before Next.js serves any request;
 * then releases left in flight by a previous process are picked up again.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  await import("@/lib/env");
  const { installServerHook } = await import("@/lib/http/server-hook");
  installServerHook();
  const { reconcileReleases, startReconciler } = await import("@/lib/deploys/reconcile-releases");
  reconcileReleases()
    .then((count) => count > 0 && console.log(`reconciler: resumed ${count} release(s) left in flight`))
    .catch((error) => console.error("reconciler: could not resume releases", error));
  startReconciler();
}
