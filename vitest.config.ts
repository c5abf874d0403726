import path from "node:path";
import { defineConfig } from "vitest/config";

const root = path.dirname(new URL(import.meta.url).pathname);
const alias = [{ find: /^@\//, replacement: `${root}/` }];
// Access lines at info would drown the test output; failures still log at error.
const LOG_LEVEL = process.env.LOG_LEVEL ?? "warn";

/** The integration suite runs twice: on PostgreSQL (DATABASE_URL) and on PGlite. */
function integration(db: "postgres" | "pglite") {
  return {
    resolve: { alias },
    test: {
      name: `integration-${db}`,
      include: ["tests/integration/**/*.test.ts"],
      // Database roles (the app's non-owner role), a connection pool and transactions open side by side exist only in PostgreSQL.
      exclude:
        db === "pglite"
          ? ["tests/integration/app-db-role.test.ts", "tests/integration/db-pool.test.ts", "tests/integration/audit-sealer-commits.test.ts"]
          : [],
      // Many files send bad tokens from one (unknown) address; tests/integration/rate-limits.test.ts turns the limits on.
      env: { SLIPWAY_TEST_DB: db, LOG_LEVEL, SLIPWAY_RATE_LIMIT_FAILED_TOKENS: "0", SLIPWAY_RATE_LIMIT_SIGN_IN: "0" },
      globalSetup: ["tests/helpers/db-global-setup.ts"],
      setupFiles: ["tests/helpers/db-setup.ts"],
      testTimeout: 30_000,
      hookTimeout: 60_000,
    },
  };
}

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        // A timeout catches a hang, not slowness: the unit files share two cores with the other projects.
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"], env: { LOG_LEVEL }, testTimeout: 30_000 },
      },
      integration("postgres"),
      integration("pglite"),
      {
        resolve: { alias },
        test: {
          name: "k8s",
          include: ["tests/k8s/**/*.test.ts"],
          // The deploy flow needs a database too: PostgreSQL under `npm test`, else PGlite.
          env: { SLIPWAY_TEST_DB: process.env.SLIPWAY_TEST_PG_URL ? "postgres" : "pglite", LOG_LEVEL },
          globalSetup: ["tests/helpers/db-global-setup.ts", "tests/k8s/global-setup.ts"],
          setupFiles: ["tests/helpers/db-setup.ts", "tests/k8s/setup-slipway-env.ts"],
          // One control plane, shared by every file; files run one after another.
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
