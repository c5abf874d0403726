import { db } from "@/lib/db";
import type { TeamContext } from "@/lib/authz/team-context";
import { findApp } from "@/lib/apps/find-app";

/** Release history newest first, keyset-paged by sequence (served by the (appId, sequence) index). */
export async function listReleases(options: { ctx: TeamContext; app: string; limit: number; before?: number }) {
  const app = await findApp(options.ctx, options.app, { includeArchived: true });
  const rows = await db().release.findMany({
    where: { appId: app.id, ...(options.before ? { sequence: { lt: options.before } } : {}) },
    orderBy: { sequence: "desc" },
    take: options.limit + 1,
    include: { requestedBy: { select: { email: true, name: true } }, rollbackOf: { select: { sequence: true } } },
  });
  const releases = rows.slice(0, options.limit);
  return { releases, nextBefore: rows.length > options.limit ? releases[releases.length - 1]!.sequence : null };
}
