import { z } from "zod";
import { teamRoute } from "@/lib/api/route";
import { replicaCount } from "@/lib/apps/app-spec.types";
import { scaleApp } from "@/lib/apps/scale-app";

const schema = z.object({
  app: z.string(),
  replicas: replicaCount,
});

export const POST = teamRoute({ permission: "app.scale", schema, input: "body" }, async ({ ctx, input }) => ({
  body: await scaleApp({ ctx, app: input.app, replicas: input.replicas }),
}));
