/**
 * What every bench script does around its measurements: a work directory, the local
 * control plane, throwaway databases on the PostgreSQL scripts/bench.sh started, and
 * cleanup whatever happens (BENCH_KEEP=1 keeps the work directory), then the exit code.
 */
import { randomBytes } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { connectPostgres } from "@/lib/migrations/sql-connection";
import { BENCH_EMAIL } from "./setup";
import { buildBinaries } from "@/tools/cluster/binaries";
import { startCluster } from "@/tools/cluster/start-cluster";

export const out = (line = "") => process.stdout.write(`${line}\n`);
export const step = (line: string) => out(`[bench] ${line}`);

/** Cleanups, run last to first when the script ends. */
export type Stops = (() => Promise<unknown>)[];

export type Bench = {
  /** The throwaway PostgreSQL server's URL (its `postgres` database). */
  serverUrl: string;
  work: string;
  stops: Stops;
  binDir: string;
  cluster: Awaited<ReturnType<typeof startCluster>>;
  /** performance.now() when the script began. */
  began: number;
};

/** Runs `body` with the control plane up, cleans up, and exits 0, or 1 with the error. */
export function runBench(name: string, command: string, body: (bench: Bench) => Promise<void>): void {
  const began = performance.now();
  const run = async () => {
    const serverUrl = process.env.SLIPWAY_TEST_PG_URL;
    if (!serverUrl) throw new Error(`SLIPWAY_TEST_PG_URL is not set: run \`${command}\`, which starts a throwaway PostgreSQL`);
    const work = fs.mkdtempSync(path.join(os.tmpdir(), `slipway-bench-${name}-`));
    const stops: Stops = [];
    try {
      step(`local control plane (${work}/cluster)`);
      const binDir = process.env.SLIPWAY_K8S_BIN ?? (await buildBinaries());
      const cluster = await startCluster({ dir: path.join(work, "cluster"), binDir });
      stops.push(() => cluster.stop());
      await body({ serverUrl, work, stops, binDir, cluster, began });
    } finally {
      for (const stop of stops.reverse()) await stop().catch((error: unknown) => step(`cleanup: ${String(error)}`));
      if (!process.env.BENCH_KEEP) fs.rmSync(work, { recursive: true, force: true });
      else step(`kept ${work}`);
    }
  };
  run().then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    },
  );
}

/** A new database on the throwaway server, dropped at the end; returns its URL. */
export async function throwawayDatabase(serverUrl: string, stops: Stops): Promise<string> {
  const name = `slipway_bench_${randomBytes(4).toString("hex")}`;
  const admin = await connectPostgres(serverUrl);
  await admin.exec(`CREATE DATABASE "${name}"`);
  stops.push(async () => {
    await admin.exec(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.close();
  });
  return Object.assign(new URL(serverUrl), { pathname: `/${name}` }).toString();
}

/**
 * The environment of a `next start` under measurement (add DATABASE_URL or PGLITE_DIR).
 * `secret` signs sessions: a script that reads pages with a cookie passes its own.
 */
export function serverEnv(bench: Pick<Bench, "cluster" | "work">, secret = randomBytes(32).toString("base64")) {
  return {
    NEXTAUTH_SECRET: secret,
    // Platform admins come from configuration: the bench user creates the teams.
    SLIPWAY_ADMIN_EMAILS: BENCH_EMAIL,
    // Production mode requires one (lib/env.ts).
    SLIPWAY_AUDIT_SIGNING_KEY: randomBytes(32).toString("base64"),
    SLIPWAY_KUBECONFIG: bench.cluster.platformKubeconfig,
    SLIPWAY_PROGRESS_DEADLINE_SECONDS: "60",
    // BENCH_LOG_LEVEL=info: the server's request log (durationMs, queuedMs) in the work directory.
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? "warn",
    DATA_DIR: path.join(bench.work, "data"),
    KUBECONFIG: undefined,
    OIDC_ISSUER: undefined,
    SLIPWAY_DEV_IDP: undefined,
  };
}
