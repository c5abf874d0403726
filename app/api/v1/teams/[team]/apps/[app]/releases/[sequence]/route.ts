import { z } from "zod";
import { teamRoute } from "@/lib/api/route";
import { getRelease } from "@/lib/deploys/get-release";

const params = z.object({ app: z.string(), sequence: z.coerce.number({ error: "must be a release number" }).int("must be a release number").min(1, "must be a release number") });

export const GET = teamRoute({ permission: "app.read", schema: params, input: "none" }, async ({ ctx, input }) => ({
  body: await getRelease({ ctx, app: input.app, sequence: input.sequence }),
}));
