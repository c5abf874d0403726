import { z } from "zod";
import { teamRoute } from "@/lib/api/route";
import { findApp } from "@/lib/apps/find-app";
import { readAppStatus } from "@/lib/apps/read-app-status";

/** Pods, events and a log tail, read with the team's viewer token. */
export const GET = teamRoute({ permission: "app.read", schema: z.object({ app: z.string() }), input: "none" }, async ({ ctx, input }) => {
  const app = await findApp(ctx, input.app);
  return { body: await readAppStatus({ ctx, app: app.name }) };
});
