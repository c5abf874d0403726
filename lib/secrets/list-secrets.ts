import { z } from "zod";
import { db } from "@/lib/db";
import { appNameParam } from "@/lib/apps/app.types";
import { findApp } from "@/lib/apps/find-app";
import { teamUseCase } from "@/lib/usecase/define";
import { secretView } from "./secret.types";

/** The app's secrets by name, with version, who set each and when; values never leave the cluster. */
export const listSecrets = teamUseCase({
  name: "listSecrets",
  summary: "The app's secret names with their version, who set each and when (values are write-only)",
  permissions: ["app.read"],
  input: appNameParam,
  output: z.object({ secrets: z.array(secretView) }),
  route: { method: "GET", path: "/teams/{team}/apps/{app}/secrets" },
  async run({ ctx, input }) {
    const app = await findApp(ctx, input.app, { includeArchived: true });
    const secrets = await db().appSecret.findMany({
      where: { appId: app.id, removedAt: null },
      orderBy: { name: "asc" },
      select: { name: true, version: true, setAt: true, setBy: { select: { email: true, name: true } } },
    });
    return { secrets };
  },
});
