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
 * those teams' releases through the Release(appId, createdAt) index.
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

  const rows = await db().$queryRaw<{ team: string; day: string; deploys: number; succeeded: number; failed: number }[]>`
    SELECT t.slug AS team,
           to_char(date_trunc('day', r."createdAt" AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS day,
           count(*)::int AS deploys,
           (count(*) FILTER (WHERE r.status = 'SUCCEEDED'))::int AS succeeded,
           (count(*) FILTER (WHERE r.status = 'FAILED'))::int AS failed
    FROM "Membership" m
    JOIN "Team" t ON t.id = m."teamId"
    JOIN "App" a ON a."teamId" = t.id
    JOIN "Release" r ON r."appId" = a.id AND r."createdAt" >= ${since}::timestamptz
    WHERE m."userId" = ${options.userId}::uuid AND ${memberGivesARole}
    GROUP BY 1, 2
    ORDER BY 1, 2`;

  for (const row of rows) {
    const activity = byTeam.get(row.team);
    const day = activity?.days.find((d) => d.day === row.day);
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
