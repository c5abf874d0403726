/**
 * (c) The large size, bulk-inserted with generate_series in a few statements: 10,000
 * apps (the bench team topped up to 500, nineteen more teams of 500), 20 releases per
 * app over a year (about 200,000), 1,000,000 audit events over a year, 400 people.
 * The bench user leads the bench team and views four of the others, so the dashboard
 * and the activity page read across 2,500 apps.
 *
 * The audit rows are not a valid chain (their hashes are unique but unlinked, as in
 * scripts/bench-audit.ts): computing a real chain is sequential and beside the point of reads.
 */
import type { SqlConnection } from "@/lib/migrations/sql-connection";

export const LOAD_TEAMS = 19;
export const APPS_PER_TEAM = 500;
export const RELEASES_PER_APP = 20;
export const AUDIT_EVENTS = Number(process.env.BENCH_AUDIT_EVENTS ?? (process.env.BENCH_QUICK === "1" ? 50_000 : 1_000_000));
const USERS = 400;

export async function fillLargeSize(sql: SqlConnection, options: { benchTeam: string; benchUserId: string; log: (line: string) => void }) {
  const step = async (label: string, text: string) => {
    const began = performance.now();
    await sql.exec(text);
    options.log(`${label} (${((performance.now() - began) / 1000).toFixed(1)} s)`);
  };
  await step(
    "people and teams",
    `
    INSERT INTO "User" (id, email, name)
      SELECT gen_random_uuid(), 'person' || lpad(g::text, 3, '0') || '@example.com', 'Person ' || g FROM generate_series(1, ${USERS}) g;
    INSERT INTO "Team" (id, slug, name, namespace)
      SELECT gen_random_uuid(), 'load-' || lpad(g::text, 2, '0'), 'Load ' || g, 'team-load-' || lpad(g::text, 2, '0') FROM generate_series(1, ${LOAD_TEAMS}) g;
    INSERT INTO "Membership" (id, "teamId", "userId", role)
      SELECT gen_random_uuid(), t.id, u.id, 'DEPLOYER'
      FROM (SELECT id, row_number() OVER (ORDER BY email) AS n FROM "User" WHERE email LIKE 'person%') u
      JOIN (SELECT id, row_number() OVER (ORDER BY slug) AS n FROM "Team" WHERE slug LIKE 'load-%') t ON t.n = 1 + (u.n % ${LOAD_TEAMS});
    INSERT INTO "Membership" (id, "teamId", "userId", role)
      SELECT gen_random_uuid(), id, '${options.benchUserId}'::uuid, 'VIEWER' FROM "Team" WHERE slug IN ('load-01', 'load-02', 'load-03', 'load-04');`,
  );
  await step(
    `apps (the bench team topped up to ${APPS_PER_TEAM}, ${LOAD_TEAMS} teams of ${APPS_PER_TEAM})`,
    `
    INSERT INTO "App" (id, "teamId", name, "imageRepository", "containerPort", replicas, env, resources, "createdAt", "updatedAt")
      SELECT gen_random_uuid(), t.id, 'svc-' || lpad(g::text, 3, '0'), 'registry.example.com/' || t.slug || '/svc-' || g, 8080, 2,
             '[{"name": "LOG_LEVEL", "value": "info"}]', '{"requests": {"cpu": "100m", "memory": "128Mi"}}', now() - interval '400 days', now() - interval '400 days'
      FROM "Team" t, generate_series(1, ${APPS_PER_TEAM}) g
      WHERE t.slug LIKE 'load-%' OR (t.slug = '${options.benchTeam}' AND g <= ${APPS_PER_TEAM} - (SELECT count(*) FROM "App" WHERE "teamId" = t.id));`,
  );
  await step(
    `${RELEASES_PER_APP} releases per app without any, over a year`,
    `
    WITH u AS (SELECT array_agg(id ORDER BY email) AS ids FROM "User" WHERE email LIKE 'person%')
    INSERT INTO "Release" (id, "appId", sequence, image, spec, "requestedById", status, error, "createdAt", "finishedAt", generation)
      SELECT gen_random_uuid(), a.id, s, a."imageRepository" || ':1.' || s,
             jsonb_build_object('imageRepository', a."imageRepository", 'image', a."imageRepository" || ':1.' || s, 'containerPort', 8080, 'replicas', 2,
                                'env', a.env, 'resources', a.resources),
             u.ids[1 + (abs(hashtext(a.id::text)) + s) % ${USERS}],
             CASE WHEN (abs(hashtext(a.id::text)) + s) % 9 = 0 THEN 'FAILED'::"ReleaseStatus" ELSE 'SUCCEEDED'::"ReleaseStatus" END,
             CASE WHEN (abs(hashtext(a.id::text)) + s) % 9 = 0 THEN 'Rollout stalled: ProgressDeadlineExceeded' END,
             ts, ts + interval '40 seconds', s
      FROM "App" a
      CROSS JOIN u
      CROSS JOIN generate_series(1, ${RELEASES_PER_APP}) s
      CROSS JOIN LATERAL (SELECT now() - ((${RELEASES_PER_APP} - s) * 18 + (abs(hashtext(a.id::text)) % 18)) * interval '1 day'
                                 - (abs(hashtext(a.id::text || s)) % 86400) * interval '1 second' AS ts) t
      WHERE NOT EXISTS (SELECT 1 FROM "Release" r WHERE r."appId" = a.id);`,
  );
  const chunk = 250_000;
  // Filler events come pre-"sealed" outside the chain (negative seq), so the sealer leaves
  // them alone; the table's insert trigger refuses that to anyone but the owner's replica mode.
  await sql.exec(`SET session_replication_role = replica`);
  for (let start = 1; start <= AUDIT_EVENTS; start += chunk) {
    const end = Math.min(AUDIT_EVENTS, start + chunk - 1);
    await step(
      `audit events ${start.toLocaleString("en")}-${end.toLocaleString("en")}`,
      `
      WITH t AS (SELECT array_agg(id ORDER BY slug) AS ids, count(*)::int AS n FROM "Team"),
           u AS (SELECT array_agg(id ORDER BY email) AS ids, array_agg(email ORDER BY email) AS emails FROM "User" WHERE email LIKE 'person%'),
           a AS (SELECT ARRAY['deploy.request','deploy.succeeded','deploy.request','deploy.succeeded','deploy.failed','app.update','app.scale','app.restart','membership.grant','token.create'] AS names)
      INSERT INTO "AuditEvent" ("createdAt", "actorId", "actorEmail", "teamId", action, "targetType", "targetId", data, "requestId", "sourceIp", seq, "prevHash", hash)
      SELECT now() - (${AUDIT_EVENTS} - g) * interval '31 seconds',
             u.ids[1 + (g * 7919) % ${USERS}], u.emails[1 + (g * 7919) % ${USERS}],
             CASE WHEN g % 20 = 0 THEN NULL ELSE t.ids[1 + (g * 104729) % t.n] END,
             a.names[1 + (g * 31) % 10], 'app', 'svc-' || lpad((1 + g % ${APPS_PER_TEAM})::text, 3, '0'),
             jsonb_build_object('app', 'svc-' || lpad((1 + g % ${APPS_PER_TEAM})::text, 3, '0'), 'sequence', 1 + g % ${RELEASES_PER_APP}),
             'bench-' || g, '10.0.' || (g % 250) || '.' || (g % 200), g - ${AUDIT_EVENTS} - 10, repeat('0', 64), md5('bench' || g) || md5('fill' || g)
      FROM generate_series(${start}::bigint, ${end}::bigint) g, t, u, a`,
    );
  }
  await sql.exec(`SET session_replication_role = origin`);
  await step("VACUUM ANALYZE", `VACUUM ANALYZE`);
  // The fill's dirty pages written out now, not by the checkpointer during the first reads.
  await step("CHECKPOINT", `CHECKPOINT`);
}
