import { db } from "@/lib/db";
import { memberGivesARole } from "@/lib/authz/effective-role";

export type DeployDay = { day: string; deploys: number; failed: number };
export type DeployActivity = {
  /** One entry per UTC day, oldest first, days without deploys included. */
  days: DeployDay[];
  deploys: number;
  succeeded: number;
  failed: number;
  /** failed / (succeeded + failed): releases still in progress are not an outcome yet. null without outcomes. */
  failureRate: number | null;
};

const DAY_MS = 86_400_000;

function emptyActivity(dayKeys: string[]): DeployActivity {
  return { days: dayKeys.map((day) => ({ day, deploys: 0, failed: 0 })), deploys: 0, succeeded: 0, failed: 0, failureRate: null };
}

/**
 * Deploys per UTC day and their outcomes over the last `days` days (today included)
 * for each of `teams` that `userId` is a member of: one grouped query, which reads
 * each of those teams' releases from the Release(teamId, createdAt, status) index alone.
 */
export async function countDeploysPerDay(options: {
  userId: string;
  teams: string[];
  days: number;
  now?: Date;
}): Promise<Map<string, DeployActivity>> {
  const today = Math.floor((options.now ?? new Date()).getTime() / DAY_MS) * DAY_MS;
  const since = new Date(today - (options.days - 1) * DAY_MS);
  const dayKeys = Array.from({ length: options.days }, (_, i) => new Date(since.getTime() + i * DAY_MS).toISOString().slice(0, 10));
  const byTeam = new Map(options.teams.map((team) => [team, emptyActivity(dayKeys)]));
  if (options.teams.length === 0) return byTeam;

  // The day as a number of days since `since` (grouping on a date's text cost a sort of every release).
  const rows = await db().$queryRaw<{ team: string; day: number; deploys: number; succeeded: number; failed: number }[]>`
    SELECT t.slug AS team, d.day, d.deploys, d.succeeded, d.failed
    FROM "Membership" m
    JOIN "Team" t ON t.id = m."teamId"
    CROSS JOIN LATERAL (
      SELECT (r."createdAt" AT TIME ZONE 'UTC')::date - ${dayKeys[0]}::date AS day,
             count(*)::int AS deploys,
             (count(*) FILTER (WHERE r.status = 'SUCCEEDED'))::int AS succeeded,
             (count(*) FILTER (WHERE r.status = 'FAILED'))::int AS failed
      FROM "Release" r
      WHERE r."teamId" = t.id AND r."createdAt" >= ${since}::timestamptz
      GROUP BY 1
    ) d
    WHERE m."userId" = ${options.userId}::uuid AND ${memberGivesARole}`;

  for (const row of rows) {
    const activity = byTeam.get(row.team);
    const day = activity?.days[row.day];
    if (!activity || !day) continue;
    Object.assign(day, { deploys: row.deploys, failed: row.failed });
    activity.deploys += row.deploys;
    activity.succeeded += row.succeeded;
    activity.failed += row.failed;
  }
  for (const activity of byTeam.values()) {
    const outcomes = activity.succeeded + activity.failed;
    activity.failureRate = outcomes > 0 ? activity.failed / outcomes : null;
  }
  return byTeam;
}
