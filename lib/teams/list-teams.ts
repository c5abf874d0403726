import { db } from "@/lib/db";
import type { Actor } from "@/lib/authz/actor";
import type { Role } from "@/lib/generated/prisma/enums";

export type TeamSummary = { slug: string; name: string; namespace: string; role: Role | null; memberCount: number };

/**
 * The teams a person belongs to (every team for platform admins), by slug, with keyset
 * pagination: `cursor` is the last slug of the previous page.
 */
export async function listTeams(options: { actor: Actor; limit: number; cursor?: string }) {
  const { actor, limit, cursor } = options;
  const rows = await db().team.findMany({
    where: {
      ...(actor.isPlatformAdmin ? {} : { memberships: { some: { userId: actor.id } } }),
      ...(cursor ? { slug: { gt: cursor } } : {}),
    },
    orderBy: { slug: "asc" },
    take: limit + 1,
    select: {
      slug: true,
      name: true,
      namespace: true,
      memberships: { where: { userId: actor.id }, select: { role: true } },
      _count: { select: { memberships: true } },
    },
  });
  const page = rows.slice(0, limit);
  const teams: TeamSummary[] = page.map((row) => ({
    slug: row.slug,
    name: row.name,
    namespace: row.namespace,
    role: row.memberships[0]?.role ?? null,
    memberCount: row._count.memberships,
  }));
  return { teams, nextCursor: rows.length > limit ? page[page.length - 1]!.slug : null };
}
