/**
 * `BENCH_ONLY=overhead npm run bench`: section (a) alone, for working on what Slipway adds
 * to one deploy: the same measure as the whole run, with the time to the 202 split out.
 */
import * as path from "node:path";
import { loadPlatformClient } from "@/lib/k8s";
import { connectPostgres } from "@/lib/migrations/sql-connection";
import { freePort } from "@/tools/cluster/wait";
import { measureDeployOverhead, overheadRatios } from "./deploy-overhead";
import { ms, percentile } from "./http";
import { listenToProgress } from "./progress-listener";
import { startServer } from "./server";
import { out, runBench, serverEnv, step, throwawayDatabase } from "./run";
import { appNames, createTeamWithApps, prepareDatabase, raiseQuota } from "./setup";

const APPS = appNames("app", 20);

runBench("overhead", "BENCH_ONLY=overhead npm run bench", async ({ serverUrl, work, stops, binDir, cluster }) => {
  const databaseUrl = await throwawayDatabase(serverUrl, stops);
  const sql = await connectPostgres(databaseUrl);
  stops.push(() => sql.close());
  const { token } = await prepareDatabase(sql);
  step("next start on PostgreSQL");
  const server = await startServer({
    port: await freePort(),
    env: { ...serverEnv({ cluster, work }), DATABASE_URL: databaseUrl },
    logFile: path.join(work, "server-pg.log"),
  });
  stops.push(() => server.stop());
  await createTeamWithApps(server.base, token, "bench", APPS);
  await createTeamWithApps(server.base, token, "live", appNames("live", 3));
  for (const team of ["bench", "live"]) await raiseQuota({ binDir, adminKubeconfig: cluster.adminKubeconfig, team });
  const progress = await listenToProgress(databaseUrl);
  stops.push(() => progress.close());
  step("(a) deploy overhead");
  const result = await measureDeployOverhead({
    base: server.base,
    token,
    team: "bench",
    apps: APPS,
    rawTeam: "live",
    rawApps: appNames("raw", 2),
    platform: loadPlatformClient({ kubeconfig: cluster.platformKubeconfig }),
    progress,
    rounds: Number(process.env.BENCH_ROUNDS ?? 40),
  });
  const { p50, p99, bareP50 } = overheadRatios(result);
  const line = (label: string, values: number[]) =>
    `  ${label.padEnd(24)} p50 ${ms(percentile(values, 50))}, p99 ${ms(percentile(values, 99))}`;
  out();
  out(`(a) one deploy at a time, ${result.slipway.length} rounds, ${result.errors} errors`);
  out(line("POST to ROLLING_OUT", result.slipway));
  out(line("  of which POST to 202", result.accept));
  out(line("raw server-side apply", result.raw));
  out(line("bare, without the fence", result.bare));
  out(`  ratio p50 ${p50.toFixed(2)}x (target <= 2x), p99 ${p99.toFixed(2)}x; against the bare apply p50 ${bareP50.toFixed(2)}x`);
});
