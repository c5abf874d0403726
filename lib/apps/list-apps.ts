import { db } from "@/lib/db";
import type { TeamContext } from "@/lib/authz/team-context";

/** The team's apps by name, each with its latest release (two queries, not one per app). */
export async function listApps(options: { ctx: TeamContext }) {
  return db().app.findMany({
    where: { teamId: options.ctx.team.id, archivedAt: null },
    orderBy: { name: "asc" },
    take: 500,
    include: {
      releases: {
        orderBy: { sequence: "desc" },
        take: 1,
        select: { sequence: true, image: true, status: true, createdAt: true, finishedAt: true, error: true },
      },
    },
  });
}
