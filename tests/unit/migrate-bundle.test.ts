/**
 * The container image migrates with one bundled file (scripts/bundle-migrate.ts), not
 * with tsx and the sources. The bundle must stay self-contained and PostgreSQL-only:
 * here it runs from an empty directory, against a port where nothing listens, and has
 * to get as far as connecting.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, expect, test } from "vitest";
import { bundleMigrate } from "@/scripts/bundle-migrate";
import { freePort } from "@/tools/cluster/wait";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "slipway-migrate-bundle-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test("the migration runner bundles into one file that needs no node_modules", { timeout: 30_000 }, async () => {
  const metafile = await bundleMigrate(path.join(dir, "migrate.cjs"));
  const packages = new Set(Object.keys(metafile.inputs).map((input) => /node_modules\/((@[^/]+\/)?[^/]+)/.exec(input)?.[1]));
  expect(packages).toContain("pg");
  for (const heavy of ["@prisma/client", "@electric-sql/pglite", "@kubernetes/client-node", "next"]) expect(packages).not.toContain(heavy);

  const port = await freePort();
  const run = await promisify(execFile)(process.execPath, ["migrate.cjs"], {
    cwd: dir,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: "production",
      NEXTAUTH_SECRET: "a-long-random-string",
      SLIPWAY_AUDIT_ANCHOR_STORE: "none",
      DATABASE_URL: `postgresql://slipway@127.0.0.1:${port}/slipway`,
    },
  }).then(
    () => ({ code: 0, stdout: "", stderr: "" }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
  expect(run.stderr).toContain(`ECONNREFUSED 127.0.0.1:${port}`);
  expect(run.code).toBe(1);
});
