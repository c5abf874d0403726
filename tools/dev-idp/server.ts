/**
 * `tsx tools/dev-idp/server.ts`: the development IdP in the foreground on
 * 127.0.0.1:DEV_IDP_PORT (default 3001), for Slipway at NEXTAUTH_URL. It prints its
 * issuer URL and stops on SIGINT/SIGTERM or when the process that started it exits.
 */
import { startDevIdp } from "./provider";

const slipwayUrl = (process.env.NEXTAUTH_URL ?? "http://localhost:3000").replace(/\/$/, "");
const idp = await startDevIdp({
  port: Number(process.env.DEV_IDP_PORT ?? 3001),
  host: "127.0.0.1",
  clientId: process.env.OIDC_CLIENT_ID ?? "slipway-dev",
  clientSecret: process.env.OIDC_CLIENT_SECRET ?? "slipway-dev-secret",
  redirectUris: [`${slipwayUrl}/api/auth/callback/oidc`],
});
console.log(`dev IdP listening: ${idp.issuer}`);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await idp.stop();
  process.exit(0);
}
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
// A script that started us in the background may die without its trap running; then
// we are re-parented. (Run with `node --import tsx`, so the parent is that script.)
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) void stop();
}, 2000).unref();
