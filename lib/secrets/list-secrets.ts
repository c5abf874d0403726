import { z } from "zod";
import { db } from "@/lib/db";
import { appNameParam } from "@/lib/apps/app.types";
import { findApp } from "@/lib/apps/find-app";
import { teamUseCase } from "@/lib/usecase/define";
import { environmentField } from "@/lib/environments/environment.types";
import { environmentOf } from "@/lib/environments/team-environments";
import { secretView } from "./secret.types";

/** The app's secrets in one environment by name, with version, who set each and when; values never leave the cluster. */
export const listSecrets = teamUseCase({
  name: "listSecrets",
  summary:
    "The app's secret names in `environment` (default: the team's first) with their version, who set each and when (values are write-only)",
  permissions: ["app.read"],
  input: appNameParam.extend(environmentField.shape),
  output: z.object({ secrets: z.array(secretView) }),
  route: { method: "GET", path: "/teams/{team}/apps/{app}/secrets" },
  async run({ ctx, input }) {
    const app = await findApp(ctx, input.app, { includeArchived: true });
    const environment = await environmentOf(ctx, input.environment);
    // An environment not saved yet (a team made without one) cannot have secrets.
    if (environment.id === null) return { secrets: [] };
    const secrets = await db().appSecret.findMany({
      where: { appId: app.id, environmentId: environment.id, removedAt: null },
      orderBy: { name: "asc" },
      select: { name: true, version: true, setAt: true, setBy: { select: { email: true, name: true } } },
    });
    return { secrets };
  },
});
