import { z } from "zod";
import { db } from "@/lib/db";
import { findApp } from "@/lib/apps/find-app";
import { releasesIn, teamEnvironments, type TeamEnvironment } from "@/lib/environments/team-environments";
import { teamUseCase } from "@/lib/usecase/define";
import { dateTime } from "@/lib/validation/wire";
import { appNameParam } from "@/lib/apps/app.types";
import { digestOfReference } from "./image-digest";

/**
 * The promotion path: the team's other environments in the order they were added, then
 * the default (first) one last, where builds end up ("staging → production" for a
 * team that began with production and added staging).
 */
export function promotionOrder(environments: TeamEnvironment[]): TeamEnvironment[] {
  return [...environments.filter((environment) => !environment.isDefault), ...environments.filter((environment) => environment.isDefault)];
}

const candidate = z.object({
  from: z.string(),
  to: z.string(),
  sequence: z.number().int(),
  image: z.string(),
  digest: z.string().nullable().describe("null: the digest it ran is unknown, so it cannot be promoted"),
});

const awaiting = z.object({
  sequence: z.number().int(),
  image: z.string(),
  environment: z.string(),
  requestedBy: z.string().nullable(),
  requestedByYou: z.boolean(),
  createdAt: dateTime,
});

/** What can be promoted to the next environment, and the releases waiting for a lead's approval. */
export const getPromotions = teamUseCase({
  name: "getPromotions",
  summary:
    "The latest succeeded release of each environment with the next environment it can be promoted to, and releases awaiting approval",
  permissions: ["app.read"],
  input: appNameParam,
  output: z.object({ candidates: z.array(candidate), awaitingApproval: z.array(awaiting) }),
  route: { method: "GET", path: "/teams/{team}/apps/{app}/promotions" },
  async run({ ctx, input }) {
    const app = await findApp(ctx, input.app, { includeArchived: true });
    const order = promotionOrder(await teamEnvironments(ctx.team));
    const pairs = order.slice(0, -1).map((from, index) => ({ from, to: order[index + 1]! }));
    const [latest, waiting] = await Promise.all([
      Promise.all(
        pairs.map(({ from }) =>
          db().release.findFirst({
            where: { appId: app.id, status: "SUCCEEDED", ...releasesIn(from) },
            orderBy: { sequence: "desc" },
            select: { sequence: true, image: true, imageDigest: true },
          }),
        ),
      ),
      db().release.findMany({
        where: { appId: app.id, status: "AWAITING_APPROVAL" },
        orderBy: { sequence: "asc" },
        select: {
          sequence: true,
          image: true,
          environmentId: true,
          requestedById: true,
          createdAt: true,
          requestedBy: { select: { email: true } },
        },
      }),
    ]);
    const nameOf = (environmentId: string | null) =>
      order.find((environment) => environment.id === environmentId)?.name ?? order.find((environment) => environment.isDefault)!.name;
    return {
      candidates: pairs.flatMap(({ from, to }, index) => {
        const release = latest[index];
        if (!release) return [];
        const digest = release.imageDigest ?? digestOfReference(release.image);
        return [{ from: from.name, to: to.name, sequence: release.sequence, image: release.image, digest }];
      }),
      awaitingApproval: waiting.map((release) => ({
        sequence: release.sequence,
        image: release.image,
        environment: nameOf(release.environmentId),
        requestedBy: release.requestedBy?.email ?? null,
        requestedByYou: release.requestedById === ctx.actor.id,
        createdAt: release.createdAt,
      })),
    };
  },
});
