// npx tsx scripts/bench-audit.ts: how the activity page's queries hold up at 1,000,000
// audit events. Not a test: it prints timings and the plans PostgreSQL chose.
//
// It never writes to an existing database (audit events cannot be deleted): it creates
// a throwaway database on the server of SLIPWAY_TEST_PG_URL or DATABASE_URL (the role
// needs CREATEDB), migrates it, fills it, measures and drops it. A throwaway server:
//   source scripts/lib/ensure.sh; source scripts/lib/throwaway-postgres.sh
//   start_throwaway_postgres; npx tsx scripts/bench-audit.ts; stop_throwaway_postgres
//
// The events are bulk-inserted with INSERT ... SELECT generate_series (the append-only
// trigger only refuses UPDATE/DELETE/TRUNCATE). Their hashes are unique but do NOT form
// a chain (verifying this database fails at the first event): computing a real chain
// is sequential and beside the point of measuring reads.
import { randomBytes } from "node:crypto";
import path from "node:path";
import { AUDIT_ACTIONS } from "@/lib/audit/audit-events";
import type { Actor } from "@/lib/authz/actor";
import { runMigrations } from "@/lib/migrations/run-migrations";
import { connectPostgres, type SqlConnection } from "@/lib/migrations/sql-connection";

const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const TEAMS = 50;
const USERS = 400;
const APPS_PER_TEAM = 8;
const PAGE = 50;
const RUNS = 7;
const DAY_MS = 86_400_000;

const serverUrl = process.env.SLIPWAY_TEST_PG_URL ?? process.env.DATABASE_URL;
if (!serverUrl) {
  console.error("Set DATABASE_URL or SLIPWAY_TEST_PG_URL to a PostgreSQL server where this role may CREATE DATABASE, or run:");
  console.error(
    "  source scripts/lib/ensure.sh; source scripts/lib/throwaway-postgres.sh; start_throwaway_postgres; npx tsx scripts/bench-audit.ts; stop_throwaway_postgres",
  );
  process.exit(2);
}
const name = `slipway_bench_${randomBytes(4).toString("hex")}`;
const benchUrl = new URL(serverUrl);
benchUrl.pathname = `/${name}`;

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function fill(sql: SqlConnection) {
  await sql.exec(`
    INSERT INTO "Team" (id, slug, name, namespace)
      SELECT gen_random_uuid(), 'team-' || lpad(g::text, 2, '0'), 'Team ' || g, 'team-team-' || lpad(g::text, 2, '0') FROM generate_series(1, ${TEAMS}) g;
    INSERT INTO "User" (id, email, name)
      SELECT gen_random_uuid(), 'user' || lpad(g::text, 3, '0') || '@example.com', 'User ' || g FROM generate_series(1, ${USERS}) g;
    -- every person in 1 team, every third person in a second one
    INSERT INTO "Membership" (id, "teamId", "userId", role)
      SELECT gen_random_uuid(), t.id, u.id, 'DEPLOYER'
      FROM (SELECT id, row_number() OVER (ORDER BY email) AS n FROM "User") u
      JOIN (SELECT id, row_number() OVER (ORDER BY slug) AS n FROM "Team") t
        ON t.n = 1 + (u.n % ${TEAMS}) OR (u.n % 3 = 0 AND t.n = 1 + ((u.n + 17) % ${TEAMS}));
  `);
  // Mostly deploys; team.create is rare (one event in 10,000), as in real life.
  const common = AUDIT_ACTIONS.filter((action) => action !== "team.create");
  const actions = `ARRAY[${[...common, ...Array(6).fill("deploy.request"), ...Array(6).fill("deploy.succeeded")].map((action) => `'${action}'`).join(",")}]`;
  const chunk = 100_000;
  // Filler events come pre-"sealed" outside the chain (negative seq); the insert trigger
  // refuses that to anyone but the owner's replica mode.
  await sql.exec(`SET session_replication_role = replica`);
  for (let start = 1; start <= EVENTS; start += chunk) {
    const end = Math.min(EVENTS, start + chunk - 1);
    const began = performance.now();
    // One year of history, evenly spread and in id order; 5% of events in no team (tokens).
    await sql.exec(`
      WITH t AS (SELECT array_agg(id ORDER BY slug) AS ids FROM "Team"),
           u AS (SELECT array_agg(id ORDER BY email) AS ids, array_agg(email ORDER BY email) AS emails FROM "User"),
           a AS (SELECT ${actions} AS names)
      INSERT INTO "AuditEvent" ("createdAt", "actorId", "actorEmail", "teamId", action, "targetType", "targetId", data, "requestId", "sourceIp", seq, "prevHash", hash)
      SELECT now() - (${EVENTS} - g) * interval '1 millisecond' * ${(365 * DAY_MS) / EVENTS},
             u.ids[(1 + (g * 7919) % ${USERS})::int], u.emails[(1 + (g * 7919) % ${USERS})::int],
             CASE WHEN g % 20 = 0 THEN NULL ELSE t.ids[(1 + (g * 104729) % ${TEAMS})::int] END,
             CASE WHEN g % 10000 = 0 THEN 'team.create' ELSE a.names[(1 + (g * 31) % array_length(a.names, 1))::int] END,
             'app', 'svc-' || (g % ${APPS_PER_TEAM}),
             jsonb_build_object('app', 'svc-' || ((g * 13) % ${APPS_PER_TEAM * TEAMS}), 'sequence', g, 'image', 'registry.example.com/svc:' || g),
             'req-' || g, '10.0.' || (g % 250) || '.' || (g % 200),
             g - ${EVENTS} - 10, repeat('0', 64), md5(g::text) || md5((g + 1)::text)
      FROM generate_series(${start}::bigint, ${end}::bigint) g, t, u, a`);
    process.stdout.write(`  inserted ${end.toLocaleString("en")} events (${seconds(performance.now() - began)} for this chunk)\n`);
  }
  // A new team with five events, and its one member: their activity page must not read the other million.
  await sql.exec(`
    INSERT INTO "Team" (id, slug, name, namespace) VALUES (gen_random_uuid(), 'quiet', 'Quiet', 'team-quiet');
    INSERT INTO "User" (id, email) VALUES (gen_random_uuid(), 'quiet@example.com');
    INSERT INTO "Membership" (id, "teamId", "userId", role)
      SELECT gen_random_uuid(), t.id, u.id, 'VIEWER' FROM "Team" t, "User" u WHERE t.slug = 'quiet' AND u.email = 'quiet@example.com';
    INSERT INTO "AuditEvent" ("createdAt", "actorId", "actorEmail", "teamId", action, data, seq, "prevHash", hash)
      SELECT now() - interval '300 days' + g * interval '1 day', u.id, u.email, t.id, 'app.create', jsonb_build_object('app', 'q' || g), -g, repeat('0', 64), md5('quiet' || g) || md5('q' || g)
      FROM generate_series(1, 5) g, "Team" t, "User" u WHERE t.slug = 'quiet' AND u.email = 'quiet@example.com';
  `);
  await sql.exec(`SET session_replication_role = origin`);
  await sql.exec(`VACUUM ANALYZE`);
}

async function main() {
  const admin = await connectPostgres(serverUrl!);
  await admin.exec(`CREATE DATABASE "${name}"`);
  console.log(`throwaway database ${name}`);
  const sql = await connectPostgres(benchUrl.toString());
  try {
    await runMigrations({ connection: sql, migrationsDir: path.resolve(import.meta.dirname, "../prisma/migrations") });
    const filling = performance.now();
    await fill(sql);
    console.log(`filled ${EVENTS.toLocaleString("en")} events in ${seconds(performance.now() - filling)}`);
    await measure(sql);
  } finally {
    await sql.close();
    await admin.exec(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.close();
  }
}

async function measure(sql: SqlConnection) {
  // lib/db reads DATABASE_URL when first used: point it at the throwaway database first.
  process.env.DATABASE_URL = benchUrl.toString();
  const { auditEventsQuery, queryAuditEvents: listAuditEvents } = await import("@/lib/audit/query-audit-events");
  const { auditFilterSchema } = await import("@/lib/audit/list-audit-events.types");
  const { streamAuditExport } = await import("@/lib/audit/export-audit-events");
  const { db } = await import("@/lib/db");

  const [adminRow] = await sql.query<{ id: string; email: string }>(`SELECT id, email FROM "User" ORDER BY email LIMIT 1`);
  const admin: Actor = { id: adminRow!.id, email: adminRow!.email, name: null, isPlatformAdmin: true, via: "session" };
  const [quietRow] = await sql.query<{ id: string; email: string }>(`SELECT id, email FROM "User" WHERE email = 'quiet@example.com'`);
  const quiet: Actor = { id: quietRow!.id, email: quietRow!.email, name: null, isPlatformAdmin: false, via: "session" };
  const [memberRow] = await sql.query<{ id: string; email: string }>(`SELECT id, email FROM "User" ORDER BY email OFFSET 11 LIMIT 1`);
  const member: Actor = { id: memberRow!.id, email: memberRow!.email, name: null, isPlatformAdmin: false, via: "session" };

  // page 500: walk there the way the UI does, one cursor at a time
  let cursor: string | undefined;
  const walk = performance.now();
  for (let page = 1; page < 500; page++)
    cursor = (await listAuditEvents({ actor: admin, filter: {}, limit: PAGE, cursor })).nextCursor ?? undefined;
  const walkMs = performance.now() - walk;

  const [appTeam] = await sql.query<{ slug: string }>(
    `SELECT t.slug FROM "AuditEvent" e JOIN "Team" t ON t.id = e."teamId" WHERE e.data @> '{"app": "svc-42"}' LIMIT 1`,
  );
  const sixMonthsAgo = new Date(Date.now() - 182 * DAY_MS).toISOString().slice(0, 10);
  const cases: { label: string; actor: Actor; filter: Record<string, string>; cursor?: string }[] = [
    { label: "first page, unfiltered (admin)", actor: admin, filter: {} },
    { label: "page 500 via cursor (admin)", actor: admin, filter: {}, cursor },
    { label: "first page, unfiltered (member of 2 teams)", actor: member, filter: {} },
    { label: "first page, member of a quiet team only", actor: quiet, filter: {} },
    { label: "by team", actor: admin, filter: { team: "team-17" } },
    { label: "by actor", actor: admin, filter: { actor: "user123@example.com" } },
    { label: "by action (common: app.restart)", actor: admin, filter: { action: "app.restart" } },
    { label: "by action (rare: team.create)", actor: admin, filter: { action: "team.create" } },
    { label: "by action (prefix: membership.)", actor: admin, filter: { action: "membership." } },
    { label: "by app (rare: svc-42)", actor: admin, filter: { app: "svc-42" } },
    { label: "by team + app", actor: admin, filter: { team: appTeam!.slug, app: "svc-42" } },
    { label: "by time range (one day, 6 months ago)", actor: admin, filter: { from: sixMonthsAgo, to: sixMonthsAgo } },
    { label: "by time range (last 7 days)", actor: admin, filter: { from: new Date(Date.now() - 7 * DAY_MS).toISOString() } },
    { label: "by time range (the older half year)", actor: admin, filter: { to: sixMonthsAgo } },
    { label: "member of 2 teams, by action (deploy.)", actor: member, filter: { action: "deploy." } },
  ];

  console.log(
    `\npage size ${PAGE}; median of ${RUNS} runs after one warm-up; walking to page 500 took ${seconds(walkMs)} (${(walkMs / 499).toFixed(1)} ms/page)\n`,
  );
  for (const item of cases) {
    const filter = auditFilterSchema.parse(item.filter);
    const options = { actor: item.actor, filter, limit: PAGE, cursor: item.cursor };
    await listAuditEvents(options);
    const times: number[] = [];
    let rows = 0;
    for (let run = 0; run < RUNS; run++) {
      const began = performance.now();
      rows = (await listAuditEvents(options)).events.length;
      times.push(performance.now() - began);
    }
    times.sort((a, b) => a - b);
    const query = auditEventsQuery(options);
    const plan = await sql.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${query.text}`, query.values);
    const lines = plan.map((line) => line["QUERY PLAN"]);
    const scans = lines
      .filter((line) => /Scan|Sort|InitPlan|SubPlan|Execution Time/.test(line))
      .map((line) => line.trim().replace(/\s+\(actual.*?loops=\d+\)/, ""));
    console.log(`${item.label.padEnd(42)} ${times[Math.floor(RUNS / 2)]!.toFixed(1).padStart(7)} ms  (${rows} rows)`);
    for (const line of scans) console.log(`    ${line}`);
  }

  const exportBegan = performance.now();
  const response = await streamAuditExport({ actor: admin, filter: auditFilterSchema.parse({ action: "deploy." }), format: "csv" });
  let bytes = 0;
  let peak = process.memoryUsage().rss;
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    bytes += read.value.byteLength;
    peak = Math.max(peak, process.memoryUsage().rss);
  }
  const exportMs = performance.now() - exportBegan;
  console.log(
    `\nCSV export of every deploy.* event: ${(bytes / 1e6).toFixed(0)} MB in ${seconds(exportMs)} (peak RSS ${(peak / 1e6).toFixed(0)} MB)`,
  );
  await db().$disconnect();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
