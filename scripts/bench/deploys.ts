/**
 * `BENCH_ONLY=deploys npm run bench`: sections (b) at concurrency 50 and (f) alone, the
 * concurrent deploys on PostgreSQL and on the embedded PGlite, for working on the deploy
 * path without the reads' fill. Same clients and figures as the whole run.
 */
import { randomBytes } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { connectPostgres, openPGlite } from "@/lib/migrations/sql-connection";
import { buildBinaries } from "@/tools/cluster/binaries";
import { startCluster } from "@/tools/cluster/start-cluster";
import { freePort } from "@/tools/cluster/wait";
import { runConcurrentDeploys, type ConcurrencyResult } from "./concurrency";
import { printConcurrency } from "./report";
import { sampleMemory, startServer } from "./server";
import { appNames, BENCH_EMAIL, createTeamWithApps, prepareDatabase, raiseQuota as raiseQuotaOf } from "./setup";

const out = (line = "") => process.stdout.write(`${line}\n`);
const step = (line: string) => out(`[bench] ${line}`);
const APPS = appNames("app", 20);
const TOTAL = Number(process.env.BENCH_TOTAL ?? 200);

async function main() {
  const serverUrl = process.env.SLIPWAY_TEST_PG_URL;
  if (!serverUrl) throw new Error("SLIPWAY_TEST_PG_URL is not set: run `BENCH_ONLY=deploys npm run bench`");
  const only = process.env.BENCH_DATABASES ?? "postgres,pglite";
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "slipway-bench-deploys-"));
  const stops: (() => Promise<unknown>)[] = [];
  try {
    step(`local control plane (${work}/cluster)`);
    const binDir = process.env.SLIPWAY_K8S_BIN ?? (await buildBinaries());
    const cluster = await startCluster({ dir: path.join(work, "cluster"), binDir });
    stops.push(() => cluster.stop());
    const raiseQuota = (team: string) => raiseQuotaOf({ binDir, adminKubeconfig: cluster.adminKubeconfig, team });
    const serverEnv = {
      NEXTAUTH_SECRET: randomBytes(32).toString("base64"),
      SLIPWAY_ADMIN_EMAILS: BENCH_EMAIL,
      SLIPWAY_AUDIT_SIGNING_KEY: randomBytes(32).toString("base64"),
      SLIPWAY_KUBECONFIG: cluster.platformKubeconfig,
      SLIPWAY_PROGRESS_DEADLINE_SECONDS: "60",
      LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? "warn",
      DATA_DIR: path.join(work, "data"),
      KUBECONFIG: undefined,
      OIDC_ISSUER: undefined,
      SLIPWAY_DEV_IDP: undefined,
    };
    const run = async (label: string, databaseEnv: Record<string, string | undefined>, token: string, team: string) => {
      step(`next start on ${label}`);
      const server = await startServer({
        port: await freePort(),
        env: { ...serverEnv, ...databaseEnv },
        logFile: path.join(work, `${label}.log`),
      });
      stops.push(() => server.stop());
      await createTeamWithApps(server.base, token, team, APPS);
      await raiseQuota(team);
      // warm: route chunks, the team token, the first watches
      await runConcurrentDeploys({
        base: server.base,
        token,
        team,
        apps: APPS,
        concurrency: Number(process.env.BENCH_WARM ?? 5),
        total: Math.max(20, Number(process.env.BENCH_WARM ?? 5)),
        label: `warm-${Date.now()}`,
      });
      const memory = sampleMemory(server);
      const result: ConcurrencyResult = await runConcurrentDeploys({
        base: server.base,
        token,
        team,
        apps: APPS,
        concurrency: 50,
        total: TOTAL,
        label: `${team}-${Date.now()}`,
      });
      const peak = memory.stop();
      await server.stop();
      out(`${label}, concurrency 50 (peak RSS ${peak.toFixed(0)} MB):`);
      printConcurrency([result], out);
      if (process.env.BENCH_TRACE) fs.writeFileSync(path.join(process.env.BENCH_TRACE, `${label}.json`), JSON.stringify(result.trace));
    };

    if (only.includes("postgres")) {
      const name = `slipway_bench_${randomBytes(4).toString("hex")}`;
      const admin = await connectPostgres(serverUrl);
      await admin.exec(`CREATE DATABASE "${name}"`);
      stops.push(async () => {
        await admin.exec(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await admin.close();
      });
      const databaseUrl = Object.assign(new URL(serverUrl), { pathname: `/${name}` }).toString();
      const sql = await connectPostgres(databaseUrl);
      const principal = await prepareDatabase(sql);
      await sql.close();
      await run("PostgreSQL", { DATABASE_URL: databaseUrl }, principal.token, "bench");
    }
    if (only.includes("pglite")) {
      const pgliteDir = path.join(work, "pglite");
      fs.mkdirSync(pgliteDir, { recursive: true });
      const lite = await openPGlite(pgliteDir);
      const principal = await prepareDatabase(lite);
      await lite.close();
      await run("PGlite", { DATABASE_URL: undefined, PGLITE_DIR: pgliteDir }, principal.token, "lite");
    }
  } finally {
    for (const stop of stops.reverse()) await stop().catch((error: unknown) => step(`cleanup: ${String(error)}`));
    if (!process.env.BENCH_KEEP) fs.rmSync(work, { recursive: true, force: true });
    else step(`kept ${work}`);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
