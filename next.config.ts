import type { NextConfig } from "next";

const config: NextConfig = {
  // Node-only packages (WASM Postgres, native drivers, the Kubernetes client) are
  // loaded at run time instead of being bundled.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "pg", "@kubernetes/client-node", "oidc-provider"],
  output: process.env.SLIPWAY_STANDALONE === "1" ? "standalone" : undefined,
  poweredByHeader: false,
};

export default config;
