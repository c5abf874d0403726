import { z } from "zod";
import { db } from "@/lib/db";
import { teamUseCase } from "@/lib/usecase/define";
import { noInput } from "@/lib/validation/wire";
import { appView, latestRelease } from "./app.types";

/** The team's apps by name, each with its latest release. */
export const listApps = teamUseCase({
  name: "listApps",
  summary: "The team's apps by name, each with its latest release",
  permissions: ["app.read"],
  input: noInput,
  output: z.object({ apps: z.array(appView.extend({ releases: z.array(latestRelease) })) }),
  route: { method: "GET", path: "/teams/{team}/apps" },
  async run({ ctx }) {
    const apps = await db().app.findMany({
      where: { teamId: ctx.team.id, archivedAt: null },
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
    return { apps };
  },
});
