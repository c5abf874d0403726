import { z } from "zod";
import { teamRoute } from "@/lib/api/route";
import { applyAppSpec } from "@/lib/apps/apply-app-spec";

/** Creates or updates the app an app spec file describes (the body is the YAML). */
export const PUT = teamRoute(
  { permission: "app.create", schema: z.object({ text: z.string() }), input: "text" },
  async ({ ctx, input }) => {
    const { app, created } = await applyAppSpec({ ctx, yaml: input.text });
    return { status: created ? 201 : 200, body: { app, created } };
  },
);
