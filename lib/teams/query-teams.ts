import { db } from "@/lib/db";
import { effectiveRole, givesARole } from "@/lib/authz/effective-role";

/**
 * A person's teams (or every team, `all`), by slug, with their role and the member
 * count; keyset-paged on slug. No access check of its own: listTeams and the
 * dashboard ask only for the caller's own teams.
 */
export async function queryTeams(options: { userId: string; all: boolean; limit: number; cursor?: string }) {
  const { userId, limit, cursor } = options;
  // An expired grant the sweep has not reached yet counts as what it returned to, or not at all.
  const current = givesARole();
  const rows = await db().team.findMany({
    where: {
      ...(options.all ? {} : { memberships: { some: { userId, ...current } } }),
      ...(cursor ? { slug: { gt: cursor } } : {}),
    },
    orderBy: { slug: "asc" },
    take: limit + 1,
    select: {
      slug: true,
      name: true,
      namespace: true,
      memberships: { where: { userId, ...current }, select: { role: true, expiresAt: true, expiresTo: true } },
      _count: { select: { memberships: { where: current } } },
    },
  });
  const page = rows.slice(0, limit);
  const teams = page.map((row) => ({
    slug: row.slug,
    name: row.name,
    namespace: row.namespace,
    role: effectiveRole(row.memberships[0]),
    memberCount: row._count.memberships,
  }));
  return { teams, nextCursor: rows.length > limit ? page[page.length - 1]!.slug : null };
}
