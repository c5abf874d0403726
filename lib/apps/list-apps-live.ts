import { z } from "zod";
import { db } from "@/lib/db";
import { teamUseCase } from "@/lib/usecase/define";
import { readAppsLive } from "./app-live";
import { appLive } from "./app-live.types";
import { appPage } from "./app.types";

/**
 * Live health and drift of each of the team's apps, from the namespace's shared watch:
 * one cache read and a fixed number of queries for the whole team. (Not under
 * /teams/{team}/apps/: "live" would shadow an app of that name.)
 */
export const listAppsLive = teamUseCase({
  name: "listAppsLive",
  summary: "Live health and drift of each of the team's apps (not archived), by name; pages as GET /teams/{team}/apps does",
  permissions: ["app.read"],
  input: appPage,
  output: z.object({ apps: z.array(z.object({ name: z.string(), live: appLive })) }),
  route: { method: "GET", path: "/teams/{team}/live" },
  async run({ ctx, input }) {
    const apps = await db().app.findMany({
      where: { teamId: ctx.team.id, archivedAt: null, ...(input.after !== undefined ? { name: { gt: input.after } } : {}) },
      orderBy: { name: "asc" },
      take: input.limit,
      select: { id: true, name: true },
    });
    const live = await readAppsLive(ctx, apps);
    return { apps: apps.map((app) => ({ name: app.name, live: live.get(app.id)! })) };
  },
});
