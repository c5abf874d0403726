import { z } from "zod";
import { teamRoute } from "@/lib/api/route";
import { rollbackSchema } from "@/lib/deploys/deploy-app.types";
import { rollbackRelease } from "@/lib/deploys/rollback-release";

/** `{ "sequence": 3 }`: a new release with release #3's spec. */
export const POST = teamRoute(
  {
    permission: "app.deploy",
    schema: rollbackSchema.extend({ app: z.string() }),
    input: "body",
    headers: { idempotencyKey: "idempotency-key" },
  },
  async ({ ctx, input }) => {
    const { release, created } = await rollbackRelease({ ctx, app: input.app, input });
    return { status: created ? 202 : 200, body: { release, created } };
  },
);
