// @ts-check
// Plain JavaScript on purpose: a next.config.ts makes `next start` load Next's SWC
// compiler (26 MB resident, for the life of the process) only to read this file.
import { readFileSync } from "node:fs";

/** The fixed headers, shared with lib/http/security-headers.ts. @type {Record<string, string>} */
const STATIC_SECURITY_HEADERS = JSON.parse(readFileSync(new URL("./lib/http/static-security-headers.json", import.meta.url), "utf8"));

/** @type {import("next").NextConfig} */
const config = {
  // Node-only packages (WASM Postgres, native drivers, the Kubernetes client) are
  // loaded at run time instead of being bundled.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "pg", "@kubernetes/client-node", "oidc-provider"],
  output: process.env.SLIPWAY_STANDALONE === "1" ? "standalone" : undefined,
  poweredByHeader: false,
  // On every response, static files included; proxy.ts adds the per-request CSP and HSTS.
  async headers() {
    return [{ source: "/:path*", headers: Object.entries(STATIC_SECURITY_HEADERS).map(([key, value]) => ({ key, value })) }];
  },
};

export default config;
