import { z } from "zod";
import { db } from "@/lib/db";
import { findApp } from "@/lib/apps/find-app";
import { teamUseCase } from "@/lib/usecase/define";
import { releaseNumber, wholeNumber } from "@/lib/validation/fields";
import { releaseWithPeople } from "./release.types";
import { environmentField } from "@/lib/environments/environment.types";
import { environmentOf, releasesIn } from "@/lib/environments/team-environments";

/**
 * Release history newest first, keyset-paged by sequence (served by the (appId, sequence)
 * index); every environment's, or one's when `environment` is given.
 */
export const listReleases = teamUseCase({
  name: "listReleases",
  summary: "Release history, newest first, of every environment or of `environment`; `before` is the previous page's nextBefore",
  permissions: ["app.read"],
  input: z
    .object({ app: z.string(), limit: wholeNumber({ min: 1, max: 100 }).optional().default(25), before: releaseNumber.optional() })
    .extend(environmentField.shape),
  output: z.object({ releases: z.array(releaseWithPeople), nextBefore: z.number().int().nullable() }),
  route: { method: "GET", path: "/teams/{team}/apps/{app}/releases" },
  async run({ ctx, input }) {
    const app = await findApp(ctx, input.app, { includeArchived: true });
    const environment = input.environment === undefined ? undefined : await environmentOf(ctx, input.environment);
    const rows = await db().release.findMany({
      where: {
        appId: app.id,
        ...(input.before ? { sequence: { lt: input.before } } : {}),
        ...(environment ? releasesIn(environment) : {}),
      },
      orderBy: { sequence: "desc" },
      take: input.limit + 1,
      include: {
        requestedBy: { select: { email: true, name: true } },
        rollbackOf: { select: { sequence: true } },
        environment: { select: { name: true } },
      },
    });
    const releases = rows.slice(0, input.limit);
    return { releases, nextBefore: rows.length > input.limit ? releases[releases.length - 1]!.sequence : null };
  },
});
