import { z } from "zod";
import { teamRoute } from "@/lib/api/route";
import { getRelease } from "@/lib/deploys/get-release";
import { releaseNumber } from "@/lib/validation/fields";

const params = z.object({ app: z.string(), sequence: releaseNumber });

export const GET = teamRoute({ permission: "app.read", schema: params, input: "none" }, async ({ ctx, input }) => ({
  body: await getRelease({ ctx, app: input.app, sequence: input.sequence }),
}));
