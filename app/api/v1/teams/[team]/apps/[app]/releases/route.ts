import { z } from "zod";
import { teamRoute } from "@/lib/api/route";
import { listReleases } from "@/lib/deploys/list-releases";
import { releaseNumber } from "@/lib/validation/fields";

const query = z.object({
  app: z.string(),
  limit: z.coerce
    .number({ error: "must be a number" })
    .int("must be a whole number")
    .min(1, "must be 1-100")
    .max(100, "must be 1-100")
    .default(25),
  before: releaseNumber.optional(),
});

export const GET = teamRoute({ permission: "app.read", schema: query, input: "query" }, async ({ ctx, input }) => ({
  body: await listReleases({ ctx, app: input.app, limit: input.limit, before: input.before }),
}));
