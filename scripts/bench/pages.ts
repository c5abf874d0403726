/**
 * `BENCH_ONLY=pages npm run bench`: section (c) alone, the reads at the large size, for
 * working on page speed without the deploy sections' 10 minutes. A few deploys first, so
 * the app page has pods, ReplicaSets and events to show; then the same fill and the same
 * cases as the whole run.
 */
import { randomBytes } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { connectPostgres } from "@/lib/migrations/sql-connection";
import { buildBinaries } from "@/tools/cluster/binaries";
import { startCluster } from "@/tools/cluster/start-cluster";
import { freePort } from "@/tools/cluster/wait";
import { runConcurrentDeploys } from "./concurrency";
import { fillLargeSize } from "./fill";
import { measureReads, readCases, sessionCookie } from "./reads";
import { printReads, TARGETS, verdict } from "./report";
import { startServer } from "./server";
import { appNames, BENCH_EMAIL, createTeamWithApps, prepareDatabase } from "./setup";

const out = (line = "") => process.stdout.write(`${line}\n`);
const step = (line: string) => out(`[bench] ${line}`);
const QUICK = process.env.BENCH_QUICK === "1";
const APPS = appNames("app", 3);

async function main() {
  const serverUrl = process.env.SLIPWAY_TEST_PG_URL;
  if (!serverUrl) throw new Error("SLIPWAY_TEST_PG_URL is not set: run `BENCH_ONLY=pages npm run bench`");
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "slipway-bench-pages-"));
  const stops: (() => Promise<unknown>)[] = [];
  try {
    step(`local control plane (${work}/cluster)`);
    const binDir = process.env.SLIPWAY_K8S_BIN ?? (await buildBinaries());
    const cluster = await startCluster({ dir: path.join(work, "cluster"), binDir });
    stops.push(() => cluster.stop());

    const name = `slipway_bench_${randomBytes(4).toString("hex")}`;
    const admin = await connectPostgres(serverUrl);
    await admin.exec(`CREATE DATABASE "${name}"`);
    stops.push(async () => {
      await admin.exec(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.close();
    });
    const databaseUrl = Object.assign(new URL(serverUrl), { pathname: `/${name}` }).toString();
    const sql = await connectPostgres(databaseUrl);
    stops.push(() => sql.close());
    const principal = await prepareDatabase(sql);
    const secret = randomBytes(32).toString("base64");
    step("next start on PostgreSQL");
    const server = await startServer({
      port: await freePort(),
      env: {
        NEXTAUTH_SECRET: secret,
        SLIPWAY_ADMIN_EMAILS: BENCH_EMAIL,
        SLIPWAY_AUDIT_SIGNING_KEY: randomBytes(32).toString("base64"),
        SLIPWAY_KUBECONFIG: cluster.platformKubeconfig,
        SLIPWAY_PROGRESS_DEADLINE_SECONDS: "60",
        LOG_LEVEL: "warn",
        DATA_DIR: path.join(work, "data"),
        KUBECONFIG: undefined,
        OIDC_ISSUER: undefined,
        SLIPWAY_DEV_IDP: undefined,
        DATABASE_URL: databaseUrl,
      },
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
    const cases = readCases({ team: "bench", app: APPS[0]!, deepCursor: deep });
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
  } finally {
    for (const stop of stops.reverse()) await stop().catch((error: unknown) => step(`cleanup: ${String(error)}`));
    if (!process.env.BENCH_KEEP) fs.rmSync(work, { recursive: true, force: true });
    else step(`kept ${work}`);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
