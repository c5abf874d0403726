import { z } from "zod";
import { environmentView } from "@/lib/environments/environment.types";
import { teamEnvironments, viewOfEnvironment } from "@/lib/environments/team-environments";
import { teamUseCase } from "@/lib/usecase/define";
import { readAppLiveByEnvironment } from "./app-live";
import { appLive } from "./app-live.types";
import { appNameParam } from "./app.types";
import { findApp } from "./find-app";

/**
 * The app in each of the team's environments side by side: the release each should run,
 * its health and its drift, from each namespace's shared watch on its own cluster.
 */
export const getAppEnvironments = teamUseCase({
  name: "getAppEnvironments",
  summary: "The app in each of the team's environments: current release, health and drift, side by side",
  permissions: ["app.read"],
  input: appNameParam,
  output: z.object({ environments: z.array(environmentView.extend({ live: appLive })) }),
  route: { method: "GET", path: "/teams/{team}/apps/{app}/environments" },
  async run({ ctx, input }) {
    const app = await findApp(ctx, input.app, { includeArchived: true });
    const environments = await teamEnvironments(ctx.team);
    const live = await readAppLiveByEnvironment(ctx, app, environments);
    return { environments: environments.map((environment) => ({ ...viewOfEnvironment(environment), live: live.get(environment.name)! })) };
  },
});
