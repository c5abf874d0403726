import { z } from "zod";
import { db } from "@/lib/db";
import { teamUseCase } from "@/lib/usecase/define";
import { appView, latestRelease } from "./app.types";

const archivedFlag = z
  .union([z.boolean(), z.enum(["true", "false"])])
  .default(false)
  .transform((value) => value === true || value === "true");

/** The team's apps by name, each with its latest release; the archived ones instead with `archived`. */
export const listApps = teamUseCase({
  name: "listApps",
  summary: "The team's apps by name, each with its latest release (`archived=true`: the archived ones)",
  permissions: ["app.read"],
  input: z.object({ archived: archivedFlag }),
  output: z.object({ apps: z.array(appView.extend({ releases: z.array(latestRelease) })) }),
  route: { method: "GET", path: "/teams/{team}/apps" },
  async run({ ctx, input }) {
    const apps = await db().app.findMany({
      where: { teamId: ctx.team.id, archivedAt: input.archived ? { not: null } : null },
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
