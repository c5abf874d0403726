import { z } from "zod";
import { db } from "@/lib/db";
import type { ReleaseStatus } from "@/lib/generated/prisma/enums";
import { teamUseCase } from "@/lib/usecase/define";
import { appPage, appView, latestRelease } from "./app.types";

const archivedFlag = z
  .union([z.boolean(), z.enum(["true", "false"])])
  .default(false)
  .transform((value) => value === true || value === "true");

type LatestRow = {
  appId: string;
  sequence: number;
  image: string;
  status: ReleaseStatus;
  createdAt: Date;
  finishedAt: Date | null;
  error: string | null;
};

/**
 * Each app's latest release, one backward scan of Release(appId, sequence) per app in
 * one query. (A nested `take: 1` in a Prisma include reads every release of every app
 * and drops all but one: 10,000 rows for a team of 500 apps.)
 */
async function latestReleases(appIds: string[]): Promise<Map<string, Omit<LatestRow, "appId">>> {
  if (appIds.length === 0) return new Map();
  const rows = await db().$queryRaw<LatestRow[]>`
    SELECT a.id::text AS "appId", r.sequence, r.image, r.status::text AS status, r."createdAt", r."finishedAt", r.error
    FROM unnest(${appIds}::uuid[]) AS a(id)
    CROSS JOIN LATERAL (
      SELECT sequence, image, status, "createdAt", "finishedAt", error FROM "Release" WHERE "appId" = a.id ORDER BY sequence DESC LIMIT 1
    ) r`;
  return new Map(
    rows.map(({ appId, ...release }) => [
      appId,
      { ...release, createdAt: new Date(release.createdAt), finishedAt: release.finishedAt && new Date(release.finishedAt) },
    ]),
  );
}

/**
 * The team's apps by name, each with its latest release; the archived ones instead with
 * `archived`. Keyset pages by name (`after`, served by the App(teamId, name) index);
 * `nextAfter` is the cursor of the next page, null on the last.
 */
export const listApps = teamUseCase({
  name: "listApps",
  summary:
    "The team's apps by name, each with its latest release (`archived=true`: the archived ones); pages of `limit` after the app named `after`",
  permissions: ["app.read"],
  input: appPage.extend({ archived: archivedFlag }),
  output: z.object({ apps: z.array(appView.extend({ releases: z.array(latestRelease) })), nextAfter: z.string().nullable() }),
  route: { method: "GET", path: "/teams/{team}/apps" },
  async run({ ctx, input }) {
    const rows = await db().app.findMany({
      where: {
        teamId: ctx.team.id,
        archivedAt: input.archived ? { not: null } : null,
        ...(input.after !== undefined ? { name: { gt: input.after } } : {}),
      },
      orderBy: { name: "asc" },
      take: input.limit + 1,
    });
    const apps = rows.slice(0, input.limit);
    const latest = await latestReleases(apps.map((app) => app.id));
    return {
      apps: apps.map((app) => ({ ...app, releases: latest.has(app.id) ? [latest.get(app.id)!] : [] })),
      nextAfter: rows.length > input.limit ? apps.at(-1)!.name : null,
    };
  },
});
