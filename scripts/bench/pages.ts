/**
 * `BENCH_ONLY=pages npm run bench`: section (c) alone, the reads at the large size, for
 * working on page speed without the deploy sections' 10 minutes. A few deploys first, so
 * the app page has pods, ReplicaSets and events to show; then the same fill and the same
 * cases as the whole run (`BENCH_READS`: only some of them).
 */
import { randomBytes } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { connectPostgres } from "@/lib/migrations/sql-connection";
import { freePort } from "@/tools/cluster/wait";
import { runConcurrentDeploys } from "./concurrency";
import { fillLargeSize } from "./fill";
import { measureReads, readCases, sessionCookie } from "./reads";
import { printReads, TARGETS, verdict } from "./report";
import { startServer } from "./server";
import { out, runBench, serverEnv, step, throwawayDatabase } from "./run";
import { appNames, createTeamWithApps, prepareDatabase } from "./setup";

const QUICK = process.env.BENCH_QUICK === "1";
const APPS = appNames("app", 3);

runBench("pages", "BENCH_ONLY=pages npm run bench", async ({ serverUrl, work, stops, cluster }) => {
  const databaseUrl = await throwawayDatabase(serverUrl, stops);
  const sql = await connectPostgres(databaseUrl);
  stops.push(() => sql.close());
  const principal = await prepareDatabase(sql);
  const secret = randomBytes(32).toString("base64");
  step("next start on PostgreSQL");
  const server = await startServer({
    port: await freePort(),
    env: { ...serverEnv({ cluster, work }, secret), DATABASE_URL: databaseUrl },
    logFile: path.join(work, "server-pg.log"),
  });
  stops.push(() => server.stop());
  const { base } = server;
  await createTeamWithApps(base, principal.token, "bench", APPS);
  step("a few deploys, so the app page has pods and events");
  const deploys = await runConcurrentDeploys({
    base,
    token: principal.token,
    team: "bench",
    apps: APPS,
    concurrency: 3,
    total: 6,
    label: `pages-${Date.now()}`,
  });
  step(`  ${deploys.accepted}/${deploys.sent} accepted, ${deploys.failed} failed`);

  step("(c) filling the large size");
  await fillLargeSize(sql, { benchTeam: "bench", benchUserId: principal.userId, log: (line) => step(`  ${line}`) });
  await sleep(2_000);
  const [{ deep }] = (await sql.query<{ deep: string }>(`SELECT (max(id) - 500 * 50)::text AS deep FROM "AuditEvent"`)) as [
    { deep: string },
  ];
  // BENCH_READS=dashboard,team: only the cases whose label contains one of these (a profile of one page).
  const only = process.env.BENCH_READS?.split(",").filter(Boolean);
  const cases = readCases({ team: "bench", app: APPS[0]!, deepCursor: deep }).filter(
    (item) => !only || only.some((part) => item.label.includes(part)),
  );
  const [{ sv }] = (await sql.query<{ sv: number }>(`SELECT "sessionVersion" AS sv FROM "User" WHERE id = $1::uuid`, [
    principal.userId,
  ])) as [{ sv: number }];
  const cookie = await sessionCookie(principal.userId, secret, sv);
  const alone = await measureReads({ base, token: principal.token, cookie, cases, concurrency: 1, requests: QUICK ? 5 : 20 });
  const loaded = await measureReads({ base, token: principal.token, cookie, cases, concurrency: 10, requests: QUICK ? 20 : 100 });
  out();
  out("(c) reads at the large size; p50 p95 size");
  out("  one client at a time:");
  printReads(alone, out, false);
  out(`  10 concurrent clients (target p95 < ${TARGETS.pageP95Ms} ms):`);
  printReads(loaded, out, true);
  const pass = loaded.filter((r) => !r.label.startsWith("control")).every((r) => r.p95 < TARGETS.pageP95Ms && r.errors === 0);
  out(`  target every page p95 < ${TARGETS.pageP95Ms} ms at 10 concurrent: ${verdict(pass)}`);
  fs.mkdirSync(".data/bench", { recursive: true });
  fs.writeFileSync(".data/bench/pages.json", JSON.stringify({ concurrency1: alone, concurrency10: loaded }, null, 2));
  if (process.env.BENCH_HOLD === "1") {
    // The filled server stays up for a look by hand (curl with the cookie) until this is interrupted.
    fs.writeFileSync(".data/bench/held.json", JSON.stringify({ base, cookie, token: principal.token }, null, 2));
    out(`  BENCH_HOLD=1: ${base} is up, its cookie and token in .data/bench/held.json; Ctrl-C stops it`);
    await new Promise((resolve) => process.once("SIGINT", resolve));
  }
});
