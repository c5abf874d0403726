/**
 * "Who did what": the audit events an actor may see, newest first, one keyset page at a
 * time (`id < cursor ORDER BY id DESC`, never OFFSET, so page 500 costs what page 1 does).
 *
 * Visibility: platform admins see everything; anyone else sees the events of the teams
 * they belong to (every role has audit.read) and the events they caused themselves
 * (their own tokens, which belong to no team). Filters only narrow that set.
 *
 * One statement per page, written so that each filter can walk an index backwards in
 * id order: (teamId, id), (actorId, id), (action, id), the primary key or createdAt for
 * time ranges, and a GIN index on data for the app filter. Team and actor are resolved
 * inside the statement (scalar subqueries) so the planner sees a constant for those
 * indexes. Numbers: scripts/bench-audit.ts.
 */
import { db } from "@/lib/db";
import type { Actor } from "@/lib/authz/actor";
import { Prisma } from "@/lib/generated/prisma/client";
import { memberGivesARole } from "@/lib/authz/effective-role";
import type { AuditFilter } from "./list-audit-events.types";

export type AuditEventRow = {
  id: bigint;
  createdAt: Date;
  actorEmail: string | null;
  /** The person's current name, for sentences ("Dee Deployer deployed ..."); null for Slipway itself or a deleted user. */
  actorName: string | null;
  team: { slug: string; name: string } | null;
  action: string;
  target: { type: string; id: string | null } | null;
  data: unknown;
  requestId: string | null;
  sourceIp: string | null;
  via: string | null;
};

export type AuditEventPage = { events: AuditEventRow[]; nextCursor: string | null };

type RawRow = Omit<AuditEventRow, "team" | "target"> & {
  teamSlug: string | null;
  teamName: string | null;
  targetType: string | null;
  targetId: string | null;
};

const COLUMNS = Prisma.sql`e.id, e."createdAt", e."actorId", e."actorEmail", e."teamId", e.action, e."targetType", e."targetId", e.data, e."requestId", e."sourceIp", e.via`;

function conditions(filter: AuditFilter, cursor?: string): Prisma.Sql[] {
  const where: Prisma.Sql[] = [];
  if (filter.team) where.push(Prisma.sql`e."teamId" = (SELECT id FROM "Team" WHERE slug = ${filter.team})`);
  if (filter.actor) where.push(Prisma.sql`e."actorId" = (SELECT id FROM "User" WHERE email = ${filter.actor})`);
  if (filter.action) where.push(Prisma.sql`e.action IN (${Prisma.join(filter.action.actions)})`);
  if (filter.via) where.push(Prisma.sql`e.via = ${filter.via}`);
  if (filter.app) where.push(Prisma.sql`e.data @> ${JSON.stringify({ app: filter.app })}::jsonb`);
  if (filter.from) where.push(Prisma.sql`e."createdAt" >= ${filter.from.toISOString()}::timestamptz`);
  if (filter.to) {
    where.push(Prisma.sql`e."createdAt" < ${filter.to.toISOString()}::timestamptz`);
    // An event is never older than the newest one committed before it (the insert trigger,
    // migration 20261207100000_audit_chain_sealer), so time and id order differ only among
    // inserts racing each other, by milliseconds. The highest id among the events of the
    // minute before `to`, or else the last event before it, bounds the id: the
    // newest-first walk starts there instead of at the top.
    const to = filter.to.toISOString();
    where.push(
      Prisma.sql`e.id <= COALESCE(
        (SELECT max(b.id) FROM "AuditEvent" b WHERE b."createdAt" >= ${to}::timestamptz - interval '1 minute' AND b."createdAt" < ${to}::timestamptz),
        (SELECT b.id FROM "AuditEvent" b WHERE b."createdAt" < ${to}::timestamptz ORDER BY b."createdAt" DESC, b.id DESC LIMIT 1),
        0)`,
    );
  }
  if (cursor) where.push(Prisma.sql`e.id < ${cursor}::bigint`);
  return where;
}

const and = (where: Prisma.Sql[]) => (where.length > 0 ? Prisma.sql`AND ${Prisma.join(where, " AND ")}` : Prisma.empty);

/**
 * The events an actor may see, at most `take` of them, newest first, as a subquery.
 * For members this is one newest-first walk per team they belong to (LATERAL, on
 * (teamId, id)) plus one over their own events elsewhere (on (actorId, id)), merged: a
 * single walk over the whole table filtering by membership would read past every other
 * team's events, which for a quiet team means the whole table.
 */
function visibleEvents(actor: Actor, where: Prisma.Sql[], take: number): Prisma.Sql {
  if (actor.isPlatformAdmin) {
    return Prisma.sql`SELECT ${COLUMNS} FROM "AuditEvent" e WHERE TRUE ${and(where)} ORDER BY e.id DESC LIMIT ${take}`;
  }
  return Prisma.sql`
    SELECT x.* FROM "Membership" m
    CROSS JOIN LATERAL (
      SELECT ${COLUMNS} FROM "AuditEvent" e WHERE e."teamId" = m."teamId" ${and(where)} ORDER BY e.id DESC LIMIT ${take}
    ) x
    WHERE m."userId" = ${actor.id}::uuid AND ${memberGivesARole}
    UNION ALL
    (SELECT ${COLUMNS} FROM "AuditEvent" e
     WHERE e."actorId" = ${actor.id}::uuid
       AND (e."teamId" IS NULL OR e."teamId" NOT IN (SELECT m."teamId" FROM "Membership" m WHERE m."userId" = ${actor.id}::uuid AND ${memberGivesARole}))
       ${and(where)}
     ORDER BY e.id DESC LIMIT ${take})`;
}

/** The page's SQL, exported for the benchmark's EXPLAIN. */
export function auditEventsQuery(options: { actor: Actor; filter: AuditFilter; limit: number; cursor?: string }): Prisma.Sql {
  const take = options.limit + 1;
  return Prisma.sql`
    SELECT v.id, v."createdAt", v."actorEmail", u.name AS "actorName", t.slug AS "teamSlug", t.name AS "teamName", v.action,
           v."targetType", v."targetId", v.data, v."requestId", v."sourceIp", v.via
    FROM (${visibleEvents(options.actor, conditions(options.filter, options.cursor), take)}) v
    LEFT JOIN "Team" t ON t.id = v."teamId"
    LEFT JOIN "User" u ON u.id = v."actorId"
    ORDER BY v.id DESC
    LIMIT ${take}`;
}

export async function queryAuditEvents(options: {
  actor: Actor;
  filter: AuditFilter;
  limit: number;
  cursor?: string;
}): Promise<AuditEventPage> {
  const rows = await db().$queryRaw<RawRow[]>(auditEventsQuery(options));
  const page = rows.slice(0, options.limit);
  const events = page.map(({ teamSlug, teamName, targetType, targetId, ...row }) => ({
    ...row,
    id: BigInt(row.id),
    createdAt: new Date(row.createdAt),
    team: teamSlug !== null ? { slug: teamSlug, name: teamName ?? teamSlug } : null,
    target: targetType !== null ? { type: targetType, id: targetId } : null,
  }));
  return { events, nextCursor: rows.length > options.limit ? String(events[events.length - 1]!.id) : null };
}
