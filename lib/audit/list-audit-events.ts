/**
 * "Who did what": the audit events an actor may see, newest first, one keyset page at a
 * time (`id < cursor ORDER BY id DESC`, never OFFSET, so page 500 costs what page 1 does).
 *
 * Visibility: platform admins see everything; anyone else sees the events of the teams
 * they belong to (every role has audit.read) and the events they caused themselves
 * (their own tokens, which belong to no team). Filters only narrow that set.
 *
 * One statement per page, written so that each filter can walk an index backwards in
 * id order: (teamId, id), (actorId, id), (action, id), the primary key for time ranges,
 * and a GIN index on data for the app filter. Team and actor are resolved inside the
 * statement (scalar subqueries) so the planner sees a constant for those indexes.
 */
import { db } from "@/lib/db";
import type { Actor } from "@/lib/authz/actor";
import { Prisma } from "@/lib/generated/prisma/client";
import type { AuditFilter } from "./list-audit-events.types";

export type AuditEventRow = {
  id: bigint;
  createdAt: Date;
  actorEmail: string | null;
  team: { slug: string; name: string } | null;
  action: string;
  target: { type: string; id: string | null } | null;
  data: unknown;
  requestId: string | null;
  sourceIp: string | null;
};

export type AuditEventPage = { events: AuditEventRow[]; nextCursor: string | null };

type RawRow = Omit<AuditEventRow, "team" | "target"> & {
  teamSlug: string | null;
  teamName: string | null;
  targetType: string | null;
  targetId: string | null;
};

function conditions(actor: Actor, filter: AuditFilter, cursor?: string): Prisma.Sql[] {
  const where: Prisma.Sql[] = [];
  if (!actor.isPlatformAdmin) {
    where.push(Prisma.sql`(e."teamId" IN (SELECT m."teamId" FROM "Membership" m WHERE m."userId" = ${actor.id}::uuid) OR e."actorId" = ${actor.id}::uuid)`);
  }
  if (filter.team) where.push(Prisma.sql`e."teamId" = (SELECT id FROM "Team" WHERE slug = ${filter.team})`);
  if (filter.actor) where.push(Prisma.sql`e."actorId" = (SELECT id FROM "User" WHERE email = ${filter.actor})`);
  if (filter.action) where.push(Prisma.sql`e.action IN (${Prisma.join(filter.action.actions)})`);
  if (filter.app) where.push(Prisma.sql`e.data @> ${JSON.stringify({ app: filter.app })}::jsonb`);
  if (filter.from) where.push(Prisma.sql`e."createdAt" >= ${filter.from.toISOString()}::timestamptz`);
  if (filter.to) where.push(Prisma.sql`e."createdAt" < ${filter.to.toISOString()}::timestamptz`);
  if (cursor) where.push(Prisma.sql`e.id < ${cursor}::bigint`);
  return where;
}

/** The page's SQL, exported for the benchmark's EXPLAIN. */
export function auditEventsQuery(options: { actor: Actor; filter: AuditFilter; limit: number; cursor?: string }): Prisma.Sql {
  const where = conditions(options.actor, options.filter, options.cursor);
  return Prisma.sql`
    SELECT e.id, e."createdAt", e."actorEmail", t.slug AS "teamSlug", t.name AS "teamName", e.action,
           e."targetType", e."targetId", e.data, e."requestId", e."sourceIp"
    FROM "AuditEvent" e
    LEFT JOIN "Team" t ON t.id = e."teamId"
    ${where.length > 0 ? Prisma.sql`WHERE ${Prisma.join(where, " AND ")}` : Prisma.empty}
    ORDER BY e.id DESC
    LIMIT ${options.limit + 1}`;
}

export async function listAuditEvents(options: { actor: Actor; filter: AuditFilter; limit: number; cursor?: string }): Promise<AuditEventPage> {
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
