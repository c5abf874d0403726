/**
 * npm run bench (scripts/bench.sh installs and starts what this needs, then runs it).
 * Figures, not timed tests: the built app under `next start` on a throwaway PostgreSQL
 * and the local control plane, then on the embedded PGlite default. Sections:
 *   (a) deploy overhead against a raw server-side apply   (b) concurrent deploys
 *   (c) reads at 10k apps / 200k releases / 1M audit events   (d) live-progress delay
 *   (e) server memory   (f) concurrent deploys on PGlite
 * Prints every figure with its target; the last run's figures go to .data/bench/latest.json.
 */
import { randomBytes } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { loadPlatformClient } from "@/lib/k8s";
import { connectPostgres, openPGlite } from "@/lib/migrations/sql-connection";
import { freePort } from "@/tools/cluster/wait";
import { runConcurrentDeploys, type ConcurrencyResult } from "./concurrency";
import { measureDeployOverhead, overheadRatios } from "./deploy-overhead";
import { fillLargeSize } from "./fill";
import { ms, percentile } from "./http";
import { measureLiveProgress } from "./live-progress";
import { listenToProgress } from "./progress-listener";
import { measureReads, readCases, sessionCookie } from "./reads";
import { printConcurrency, printReads, TARGETS, verdict } from "./report";
import { sampleMemory, startServer, type Server } from "./server";
import { out, runBench, serverEnv, step, throwawayDatabase } from "./run";
import { appNames, createTeamWithApps, prepareDatabase, raiseQuota as raiseQuotaOf } from "./setup";

// BENCH_QUICK=1: a smaller run for working on the bench itself (its figures are not the ones to quote).
const QUICK = process.env.BENCH_QUICK === "1";
const SETTLE_MS = Number(process.env.BENCH_SETTLE_SECONDS ?? (QUICK ? 5 : 60)) * 1000;
const LEVELS = [
  // 5-15 deploys per app per level: waiting for every release to end dominates the run's length.
  { concurrency: 10, total: QUICK ? 40 : 100 },
  { concurrency: 50, total: QUICK ? 100 : 200 },
  { concurrency: 100, total: QUICK ? 100 : 300 },
];
const DEPLOY_APPS = appNames("app", 20);

runBench("all", "npm run bench", async ({ serverUrl, work, stops, binDir, cluster, began }) => {
  const results: Record<string, unknown> = { machine: machine() };
  const platform = loadPlatformClient({ kubeconfig: cluster.platformKubeconfig });
  const raiseQuota = (team: string) => raiseQuotaOf({ binDir, adminKubeconfig: cluster.adminKubeconfig, team });

  // ---------------------------------------------------------------- PostgreSQL
  const databaseUrl = await throwawayDatabase(serverUrl, stops);
  const sql = await connectPostgres(databaseUrl);
  stops.push(() => sql.close());
  const [{ version }] = (await sql.query<{ version: string }>(`SELECT current_setting('server_version') AS version`)) as [
    { version: string },
  ];
  (results.machine as Record<string, unknown>).postgres = version;
  const principal = await prepareDatabase(sql);
  const secret = randomBytes(32).toString("base64");
  const env = serverEnv({ cluster, work }, secret);
  step("next start on PostgreSQL");
  const server = await startServer({
    port: await freePort(),
    env: { ...env, DATABASE_URL: databaseUrl },
    logFile: path.join(work, "server-pg.log"),
  });
  stops.push(() => server.stop());
  const { base } = server;
  const { token } = principal;
  await createTeamWithApps(base, token, "bench", DEPLOY_APPS);
  await createTeamWithApps(base, token, "live", appNames("live", 3));
  await Promise.all([raiseQuota("bench"), raiseQuota("live")]);
  await sleep(10_000);
  const idleMb = server.rssMb();
  step(`idle RSS ${idleMb.toFixed(0)} MB`);

  const progress = await listenToProgress(databaseUrl);
  stops.push(() => progress.close());

  step("(a) deploy overhead");
  const overhead = await measureDeployOverhead({
    base,
    token,
    team: "bench",
    apps: DEPLOY_APPS,
    rawTeam: "live",
    rawApps: appNames("raw", 2),
    platform,
    progress,
    rounds: QUICK ? 10 : 40,
  });
  const ratios = overheadRatios(overhead);
  results.overhead = {
    ...ratios,
    slipwayP50: percentile(overhead.slipway, 50),
    slipwayP99: percentile(overhead.slipway, 99),
    rawP50: percentile(overhead.raw, 50),
    rawP99: percentile(overhead.raw, 99),
    bareP50: percentile(overhead.bare, 50),
    errors: overhead.errors,
  };

  step("(d) live-progress delay");
  const clusterAccess = { server: cluster.server, caFile: cluster.caFile, adminToken: cluster.adminToken };
  const live = await measureLiveProgress({
    base,
    token,
    team: "live",
    apps: appNames("live", 3),
    cluster: clusterAccess,
    rounds: QUICK ? 3 : 9,
  });
  results.liveProgress = live;

  step("(b) concurrent deploys on PostgreSQL");
  const memory = sampleMemory(server);
  const concurrency: ConcurrencyResult[] = [];
  for (const level of LEVELS) {
    const result = await runConcurrentDeploys({
      base,
      token,
      team: "bench",
      apps: DEPLOY_APPS,
      ...level,
      label: `c${level.concurrency}-${Date.now()}`,
    });
    step(
      `  concurrency ${level.concurrency}: ${result.accepted}/${result.sent} accepted, p95 ${ms(result.p95)}, terminal after ${ms(result.allTerminalMs)}`,
    );
    concurrency.push(result);
  }
  const loadPeakMb = memory.stop();
  const loadEnded = Date.now();
  results.concurrency = concurrency;

  step(`(c) filling the large size while the server settles (${SETTLE_MS / 1000} s)`);
  const benchUser = principal.userId;
  await fillLargeSize(sql, { benchTeam: "bench", benchUserId: benchUser, log: (line) => step(`  ${line}`) });
  const settleLeft = loadEnded + SETTLE_MS - Date.now();
  if (settleLeft > 0) await sleep(settleLeft);
  const settledMb = server.rssMb();
  const settledAfter = Date.now() - loadEnded;
  results.memory = { idleMb, loadPeakMb, settledMb, settledAfterSeconds: Math.round(settledAfter / 1000) };

  const [{ deep }] = (await sql.query<{ deep: string }>(`SELECT (max(id) - 500 * 50)::text AS deep FROM "AuditEvent"`)) as [
    { deep: string },
  ];
  const counts = (
    await sql.query<{ apps: number; releases: number; events: number }>(
      `SELECT (SELECT count(*) FROM "App")::int AS apps, (SELECT count(*) FROM "Release")::int AS releases, (SELECT count(*) FROM "AuditEvent")::int AS events`,
    )
  )[0]!;
  results.size = counts;
  step(
    `(c) reads at ${counts.apps.toLocaleString("en")} apps, ${counts.releases.toLocaleString("en")} releases, ${counts.events.toLocaleString("en")} audit events`,
  );
  const cases = readCases({ team: "bench", app: DEPLOY_APPS[0]!, deepCursor: deep });
  const [{ sv }] = (await sql.query<{ sv: number }>(`SELECT "sessionVersion" AS sv FROM "User" WHERE id = $1::uuid`, [benchUser])) as [
    { sv: number },
  ];
  const cookie = await sessionCookie(benchUser, secret, sv);
  const readsAlone = await measureReads({ base, token, cookie, cases, concurrency: 1, requests: QUICK ? 5 : 20 });
  const readsLoaded = await measureReads({ base, token, cookie, cases, concurrency: 10, requests: QUICK ? 20 : 100 });
  results.reads = { concurrency1: readsAlone, concurrency10: readsLoaded };
  await progress.close();
  await server.stop();

  // ---------------------------------------------------------------- PGlite
  step("(f) next start on the embedded PGlite");
  const pgliteDir = path.join(work, "pglite");
  fs.mkdirSync(pgliteDir, { recursive: true });
  const lite = await openPGlite(pgliteDir);
  const litePrincipal = await prepareDatabase(lite);
  await lite.close();
  const liteServer: Server = await startServer({
    port: await freePort(),
    env: { ...env, DATABASE_URL: undefined, PGLITE_DIR: pgliteDir },
    logFile: path.join(work, "server-pglite.log"),
  });
  stops.push(() => liteServer.stop());
  await createTeamWithApps(liteServer.base, litePrincipal.token, "lite", DEPLOY_APPS);
  await raiseQuota("lite");
  // Not counted: the PostgreSQL server is warm from (a), (d) and the first level of (b)
  // when (b) reaches 50; a cold start (route chunks, token, first watches) would be
  // measured here only.
  await runConcurrentDeploys({
    base: liteServer.base,
    token: litePrincipal.token,
    team: "lite",
    apps: DEPLOY_APPS,
    concurrency: 5,
    total: 20,
    label: `lite-warm-${Date.now()}`,
  });
  const liteMemory = sampleMemory(liteServer);
  const pglite = await runConcurrentDeploys({
    base: liteServer.base,
    token: litePrincipal.token,
    team: "lite",
    apps: DEPLOY_APPS,
    concurrency: 50,
    total: QUICK ? 100 : 200,
    label: `lite-${Date.now()}`,
  });
  const litePeakMb = liteMemory.stop();
  results.pglite = { ...pglite, peakMb: litePeakMb };
  await liteServer.stop();

  // ---------------------------------------------------------------- report
  const minutes = (performance.now() - began) / 60_000;
  report(results, {
    overhead,
    live,
    concurrency,
    readsAlone,
    readsLoaded,
    idleMb,
    loadPeakMb,
    settledMb,
    settledAfter,
    pglite,
    litePeakMb,
    minutes,
  });
  fs.mkdirSync(".data/bench", { recursive: true });
  fs.writeFileSync(".data/bench/latest.json", JSON.stringify({ ...results, minutes }, null, 2));
});

function machine() {
  const cpus = os.cpus();
  return {
    cpu: `${cpus.length} × ${cpus[0]?.model ?? "unknown"}`,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    kernel: `${os.type()} ${os.release()}`,
    node: process.version,
    loadAverageAtStart: os
      .loadavg()
      .map((value) => value.toFixed(2))
      .join(" "),
  };
}

function report(
  results: Record<string, unknown>,
  r: {
    overhead: Awaited<ReturnType<typeof measureDeployOverhead>>;
    live: Awaited<ReturnType<typeof measureLiveProgress>>;
    concurrency: ConcurrencyResult[];
    readsAlone: Awaited<ReturnType<typeof measureReads>>;
    readsLoaded: Awaited<ReturnType<typeof measureReads>>;
    idleMb: number;
    loadPeakMb: number;
    settledMb: number;
    settledAfter: number;
    pglite: ConcurrencyResult;
    litePeakMb: number;
    minutes: number;
  },
) {
  const m = results.machine as Record<string, string>;
  const ratios = overheadRatios(r.overhead);
  const c50 = r.concurrency.find((level) => level.concurrency === 50)!;
  const zeroErrors = r.concurrency.every((level) => level.errors === 0);
  const pagesPass = r.readsLoaded.filter((x) => !x.label.startsWith("control")).every((x) => x.p95 < TARGETS.pageP95Ms && x.errors === 0);
  out();
  out("=".repeat(100));
  out(`Slipway benchmarks: ${m.cpu}, ${m.memoryGb} GB, ${m.kernel}, Node ${m.node}, PostgreSQL ${m.postgres}`);
  out(`load average at start ${m.loadAverageAtStart}; whole run ${r.minutes.toFixed(1)} min`);
  out();
  out(
    `(a) deploy overhead, ${r.overhead.slipway.length} deploys one at a time: POST .../deploys -> release ROLLING_OUT vs raw server-side apply (pre-minted token)`,
  );
  out(
    `  Slipway p50 ${ms(percentile(r.overhead.slipway, 50))}, p99 ${ms(percentile(r.overhead.slipway, 99))}; raw apply p50 ${ms(percentile(r.overhead.raw, 50))}, p99 ${ms(percentile(r.overhead.raw, 99))}; errors ${r.overhead.errors}`,
  );
  out(
    `  ratio p50 ${ratios.p50.toFixed(2)}x, p99 ${ratios.p99.toFixed(2)}x   target p50 <= ${TARGETS.overheadP50Ratio}x: ${verdict(ratios.p50 <= TARGETS.overheadP50Ratio)}`,
  );
  out(
    `  the raw apply reads each object first (the fence against an older release, lib/k8s/apply.ts); the two applies alone (as kubectl apply --server-side): p50 ${ms(percentile(r.overhead.bare, 50))}, ratio ${ratios.bareP50.toFixed(2)}x`,
  );
  out();
  out(
    `(b) concurrent deploys across ${DEPLOY_APPS.length} apps on PostgreSQL (time to the 202; "all terminal" counts from the first request)`,
  );
  printConcurrency(r.concurrency, out);
  out(
    `  target 0 errors at every concurrency: ${verdict(zeroErrors)}; p95 to 202 at 50 < ${TARGETS.p95To202AtC50Ms} ms: ${verdict(c50.p95 < TARGETS.p95To202AtC50Ms)} (${ms(c50.p95)})`,
  );
  out();
  const size = results.size as { apps: number; releases: number; events: number };
  out(
    `(c) reads at ${size.apps.toLocaleString("en")} apps, ${size.releases.toLocaleString("en")} releases, ${size.events.toLocaleString("en")} audit events; p50 p95 size`,
  );
  out("  one client at a time (20 requests each):");
  printReads(r.readsAlone, out, false);
  out(`  10 concurrent clients (100 requests each; target p95 < ${TARGETS.pageP95Ms} ms):`);
  printReads(r.readsLoaded, out, true);
  out(`  target every page p95 < ${TARGETS.pageP95Ms} ms at 10 concurrent: ${verdict(pagesPass)}`);
  out();
  out(`(d) live progress, Deployment available in a watch -> SUCCEEDED on the release's event stream, ${r.live.delays.length} rollouts`);
  out(
    `  p50 ${ms(r.live.p50)}, p95 ${ms(r.live.p95)}, max ${ms(r.live.max)}${r.live.failures.length ? `; failures: ${r.live.failures.join("; ")}` : ""}`,
  );
  out();
  out("(e) server memory (RSS of next start)");
  out(
    `  idle ${r.idleMb.toFixed(0)} MB; peak under (b) ${r.loadPeakMb.toFixed(0)} MB; ${Math.round(r.settledAfter / 1000)} s after (b) ${r.settledMb.toFixed(0)} MB`,
  );
  out(`  target under load < ${TARGETS.memoryUnderLoadMb} MB: ${verdict(r.loadPeakMb < TARGETS.memoryUnderLoadMb)}`);
  out();
  out("(f) concurrent deploys on the embedded PGlite default");
  printConcurrency([r.pglite], out);
  out(`  peak RSS ${r.litePeakMb.toFixed(0)} MB`);
  out(
    `  target 0 errors and p95 < ${TARGETS.pgliteP95Ms} ms at 50: ${verdict(r.pglite.errors === 0 && r.pglite.p95 < TARGETS.pgliteP95Ms)}`,
  );
  out("=".repeat(100));
}
