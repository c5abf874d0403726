import type { NextConfig } from "next";
import { STATIC_SECURITY_HEADERS } from "./lib/http/security-headers";

const config: NextConfig = {
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
