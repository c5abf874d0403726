import { db } from "@/lib/db";

/** Totals for the home page; archived apps do not count. */
export async function countTeamsAndApps(): Promise<{ teams: number; apps: number }> {
  const [teams, apps] = await Promise.all([db().team.count(), db().app.count({ where: { archivedAt: null } })]);
  return { teams, apps };
}
