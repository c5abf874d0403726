import { z } from "zod";
import { appLive } from "@/lib/apps/app-live.types";
import { releaseStatus } from "@/lib/apps/app.types";
import { teamSummary } from "@/lib/teams/team.types";
import { dateTime } from "@/lib/validation/wire";

const teamName = z.object({ slug: z.string(), name: z.string() });

export const deployActivity = z.object({
  days: z.array(z.object({ day: z.string(), deploys: z.number().int(), failed: z.number().int() })),
  deploys: z.number().int(),
  succeeded: z.number().int(),
  failed: z.number().int(),
  failureRate: z.number().nullable(),
});

export const dashboardView = z.object({
  teams: z.array(teamSummary.extend({ activity: deployActivity })),
  moreTeams: z.boolean(),
  apps: z.array(
    z.object({
      name: z.string(),
      team: teamName,
      release: z.object({ sequence: z.number().int(), image: z.string(), status: releaseStatus, createdAt: dateTime }).nullable(),
      live: appLive,
    }),
  ),
  moreApps: z.boolean(),
  recentDeploys: z.array(
    z.object({
      id: z.uuid(),
      sequence: z.number().int(),
      image: z.string(),
      status: releaseStatus,
      createdAt: dateTime,
      finishedAt: dateTime.nullable(),
      rollbackOf: z.object({ sequence: z.number().int() }).nullable(),
      requestedBy: z.object({ email: z.string(), name: z.string().nullable() }).nullable(),
      app: z.object({ name: z.string(), team: teamName }),
    }),
  ),
});
