import { z } from "zod";
import { teamRoute } from "@/lib/api/route";
import { scaleApp } from "@/lib/apps/scale-app";

const schema = z.object({
  app: z.string(),
  replicas: z.coerce.number({ error: "must be a number" }).int("must be a whole number").min(0, "must be 0-20").max(20, "must be 0-20"),
});

export const POST = teamRoute({ permission: "app.scale", schema, input: "body" }, async ({ ctx, input }) => ({
  body: await scaleApp({ ctx, app: input.app, replicas: input.replicas }),
}));
