/**
 * The home page for one person: their teams with 30 days of deploy activity, their
 * apps with the latest release of each, and the latest deploys across those teams.
 * A fixed number of queries however many teams and apps there are; each app's live
 * health and drift come from one cache read per team namespace (lib/apps/app-live.ts). "Their teams" are
 * the teams they are a member of, for platform admins too (the Teams page lists all).
 */
import { z } from "zod";
import { unsafeReadAppsLive } from "@/lib/apps/app-live";
import { db } from "@/lib/db";
import { givesARole, memberGivesARole } from "@/lib/authz/effective-role";
import type { ReleaseStatus } from "@/lib/generated/prisma/enums";
import { queryTeams } from "@/lib/teams/query-teams";
import { userUseCase } from "@/lib/usecase/define";
import { countDeploysPerDay } from "./count-deploys-per-day";
import { dashboardView } from "./dashboard.types";

export const DASHBOARD_DAYS = 30;
const MAX_TEAMS = 100;
const MAX_APPS = 100;
const RECENT_DEPLOYS = 10;

type AppRow = {
  id: string;
  name: string;
  teamId: string;
  teamNamespace: string;
  teamSlug: string;
  teamName: string;
  sequence: number | null;
  image: string | null;
  status: ReleaseStatus | null;
  createdAt: Date | null;
};

/** Each app's latest release by a backward scan of Release(appId, sequence), one LATERAL per app in one query. */
async function listMyApps(userId: string, limit: number) {
  const rows = await db().$queryRaw<AppRow[]>`
    SELECT a.id::text AS id, a.name, a."teamId"::text AS "teamId", a.namespace AS "teamNamespace", a.slug AS "teamSlug", a."teamName", r.sequence, r.image, r.status::text AS status, r."createdAt"
    FROM (
      -- The page of apps first, then one latest release each (not one for every app of every team, then the page).
      -- Each team's first apps by name from App(teamId, name), not all its apps sorted: for a team
      -- of 500 apps, 3.1 ms against 1.1 ms under EXPLAIN ANALYZE.
      SELECT a.id, a.name, t.id AS "teamId", t.namespace, t.slug, t.name AS "teamName"
      FROM "Membership" m
      JOIN "Team" t ON t.id = m."teamId"
      CROSS JOIN LATERAL (
        SELECT id, name FROM "App" WHERE "teamId" = t.id AND "archivedAt" IS NULL ORDER BY name LIMIT ${limit}
      ) a
      WHERE m."userId" = ${userId}::uuid AND ${memberGivesARole}
      ORDER BY t.slug, a.name
      LIMIT ${limit}
    ) a
    LEFT JOIN LATERAL (
      SELECT sequence, image, status, "createdAt" FROM "Release" WHERE "appId" = a.id ORDER BY sequence DESC LIMIT 1
    ) r ON true
    ORDER BY a.slug, a.name`;
  return rows.map((row) => ({
    id: row.id,
    namespace: row.teamNamespace,
    teamId: row.teamId,
    name: row.name,
    team: { slug: row.teamSlug, name: row.teamName },
    release:
      row.sequence === null
        ? null
        : { sequence: row.sequence, image: row.image!, status: row.status!, createdAt: new Date(row.createdAt!) },
  }));
}

/** Newest first through the Release(createdAt) index, keeping the person's teams' releases. */
function listRecentDeploys(userId: string, take: number) {
  return db().release.findMany({
    where: { app: { team: { memberships: { some: { userId, ...givesARole() } } } } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: {
      id: true,
      sequence: true,
      image: true,
      status: true,
      createdAt: true,
      finishedAt: true,
      rollbackOf: { select: { sequence: true } },
      requestedBy: { select: { email: true, name: true } },
      app: { select: { name: true, team: { select: { slug: true, name: true } } } },
    },
  });
}

export const getDashboard = userUseCase({
  name: "getDashboard",
  summary: `The home page's data: your teams with 30 days of deploys, your apps (the first \`apps\`, ${MAX_APPS} unless asked) and their status, recent deploys`,
  input: z.object({ apps: z.coerce.number().int().min(1).max(MAX_APPS).default(MAX_APPS) }),
  output: dashboardView,
  route: { method: "GET", path: "/dashboard" },
  run: ({ ctx, input }) => dashboardFor(ctx.actor.id, undefined, input.apps),
});

/** `now` is for tests of the 30-day window; `maxApps`, how many of the person's apps to show. */
export async function dashboardFor(userId: string, now?: Date, maxApps = MAX_APPS) {
  const [{ teams, nextCursor }, apps, recentDeploys] = await Promise.all([
    queryTeams({ userId, all: false, limit: MAX_TEAMS }),
    listMyApps(userId, maxApps + 1),
    listRecentDeploys(userId, RECENT_DEPLOYS),
  ]);
  const shown = apps.slice(0, maxApps);
  const [activity, live] = await Promise.all([
    countDeploysPerDay({ userId, teams: teams.map((team) => team.slug), days: DASHBOARD_DAYS, now }),
    // Safe: listMyApps keeps the apps of the person's own teams, whose apps every role may read.
    unsafeReadAppsLive(
      shown.map((app) => ({ id: app.id, name: app.name, team: { id: app.teamId, slug: app.team.slug, namespace: app.namespace } })),
    ),
  ]);
  return {
    teams: teams.map((team) => ({ ...team, activity: activity.get(team.slug)! })),
    moreTeams: nextCursor !== null,
    apps: shown.map(({ id, name, team, release }) => ({ name, team, release, live: live.get(id)! })),
    moreApps: apps.length > maxApps,
    recentDeploys,
  };
}

export type Dashboard = z.output<typeof dashboardView>;
export type DashboardApp = Dashboard["apps"][number];
export type RecentDeploy = Dashboard["recentDeploys"][number];
