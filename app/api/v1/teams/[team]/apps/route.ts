import { z } from "zod";
import { teamRoute } from "@/lib/api/route";
import { appSpecSchema } from "@/lib/apps/app-spec.types";
import { createApp } from "@/lib/apps/create-app";
import { listApps } from "@/lib/apps/list-apps";

export const GET = teamRoute({ permission: "app.read", schema: z.object({}), input: "none" }, async ({ ctx }) => ({
  body: { apps: await listApps({ ctx }) },
}));

export const POST = teamRoute({ permission: "app.create", schema: appSpecSchema, input: "body" }, async ({ ctx, input }) => ({
  status: 201,
  body: await createApp({ ctx, input }),
}));
