import { z } from "zod";
import { teamRoute } from "@/lib/api/route";
import { appSpecSchema } from "@/lib/apps/app-spec.types";
import { archiveApp } from "@/lib/apps/archive-app";
import { findApp } from "@/lib/apps/find-app";
import { specOfApp } from "@/lib/apps/spec-of-app";
import { updateApp } from "@/lib/apps/update-app";

const appParam = z.object({ app: z.string() });

export const GET = teamRoute({ permission: "app.read", schema: appParam, input: "none" }, async ({ ctx, input }) => {
  const app = await findApp(ctx, input.app);
  return { body: { ...app, spec: specOfApp(app) } };
});

/** Replaces the app's settings (the same spec as POST /apps); effective at the next deploy. */
export const PUT = teamRoute(
  { permission: "app.update", schema: z.object({ app: z.string(), spec: appSpecSchema }), input: "body" },
  async ({ ctx, input }) => ({
    body: await updateApp({ ctx, app: input.app, input: input.spec }),
  }),
);

export const DELETE = teamRoute({ permission: "app.archive", schema: appParam, input: "none" }, async ({ ctx, input }) => ({
  body: await archiveApp({ ctx, app: input.app }),
}));
