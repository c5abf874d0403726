import { teamRoute } from "@/lib/api/route";
import { deployApp } from "@/lib/deploys/deploy-app";
import { deployAppSchema } from "@/lib/deploys/deploy-app.types";
import { z } from "zod";

/**
 * Deploy from CI: `{ "version": "v1.2.3" }` with an Idempotency-Key header. 202 with
 * the new release; the same key again answers 200 with the release it made before.
 */
export const POST = teamRoute(
  {
    permission: "app.deploy",
    schema: deployAppSchema.extend({ app: z.string() }),
    input: "body",
    headers: { idempotencyKey: "idempotency-key" },
  },
  async ({ ctx, input }) => {
    const { release, created } = await deployApp({ ctx, app: input.app, input });
    return { status: created ? 202 : 200, body: { release, created } };
  },
);
