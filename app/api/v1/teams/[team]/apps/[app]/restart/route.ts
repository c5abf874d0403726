import { z } from "zod";
import { teamRoute } from "@/lib/api/route";
import { restartApp } from "@/lib/apps/restart-app";

export const POST = teamRoute(
  { permission: "app.restart", schema: z.object({ app: z.string() }), input: "none" },
  async ({ ctx, input }) => ({
    body: await restartApp({ ctx, app: input.app }),
  }),
);
