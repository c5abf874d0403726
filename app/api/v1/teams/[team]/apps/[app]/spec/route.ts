import { z } from "zod";
import { teamRoute } from "@/lib/api/route";
import { exportAppSpec } from "@/lib/apps/export-app-spec";

/** The app's spec as a YAML file (PUT it back to /teams/{team}/apps/spec). */
export const GET = teamRoute({ permission: "app.read", schema: z.object({ app: z.string() }), input: "none" }, async ({ ctx, input }) => ({
  text: (await exportAppSpec({ ctx, app: input.app })).yaml,
  contentType: "application/yaml; charset=utf-8",
}));
