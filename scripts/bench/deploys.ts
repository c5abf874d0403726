/**
 * `BENCH_ONLY=deploys npm run bench`: sections (b) at concurrency 50 and (f) alone, the
 * concurrent deploys on PostgreSQL and on the embedded PGlite, for working on the deploy
 * path without the reads' fill. Same clients and figures as the whole run.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { connectPostgres, openPGlite } from "@/lib/migrations/sql-connection";
import { freePort } from "@/tools/cluster/wait";
import { runConcurrentDeploys, type ConcurrencyResult } from "./concurrency";
import { printConcurrency } from "./report";
import { sampleMemory, startServer } from "./server";
import { out, runBench, serverEnv, step, throwawayDatabase } from "./run";
import { appNames, createTeamWithApps, prepareDatabase, raiseQuota as raiseQuotaOf } from "./setup";

const APPS = appNames("app", 20);
const TOTAL = Number(process.env.BENCH_TOTAL ?? 200);
/** BENCH_CONCURRENCY=100: another of (b)'s levels. */
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 50);

runBench("deploys", "BENCH_ONLY=deploys npm run bench", async ({ serverUrl, work, stops, binDir, cluster }) => {
  const only = process.env.BENCH_DATABASES ?? "postgres,pglite";
  const raiseQuota = (team: string) => raiseQuotaOf({ binDir, adminKubeconfig: cluster.adminKubeconfig, team });
  const env = serverEnv({ cluster, work });
  const run = async (label: string, databaseEnv: Record<string, string | undefined>, token: string, team: string) => {
    step(`next start on ${label}`);
    const server = await startServer({
      port: await freePort(),
      env: { ...env, ...databaseEnv },
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
      concurrency: 5,
      total: 20,
      label: `warm-${Date.now()}`,
    });
    const memory = sampleMemory(server);
    const result: ConcurrencyResult = await runConcurrentDeploys({
      base: server.base,
      token,
      team,
      apps: APPS,
      concurrency: CONCURRENCY,
      total: TOTAL,
      label: `${team}-${Date.now()}`,
    });
    const peak = memory.stop();
    await server.stop();
    out(`${label}, concurrency ${CONCURRENCY} (peak RSS ${peak.toFixed(0)} MB):`);
    printConcurrency([result], out);
    if (process.env.BENCH_TRACE) fs.writeFileSync(path.join(process.env.BENCH_TRACE, `${label}.json`), JSON.stringify(result.trace));
  };

  if (only.includes("postgres")) {
    const databaseUrl = await throwawayDatabase(serverUrl, stops);
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
});
