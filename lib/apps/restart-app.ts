import { z } from "zod";
import { auditedClusterCall } from "@/lib/cluster/audited-cluster-call";
import { restartDeployment } from "@/lib/k8s";
import { teamUseCase } from "@/lib/usecase/define";
import { environmentField } from "@/lib/environments/environment.types";
import { environmentOf } from "@/lib/environments/team-environments";
import { dateTime } from "@/lib/validation/wire";
import { appNameParam } from "./app.types";
import { findApp } from "./find-app";
import { explainNotDeployed } from "./not-deployed";

/** What `kubectl rollout restart` does: every pod is replaced. */
export const restartApp = teamUseCase({
  name: "restartApp",
  summary: "Replace every pod of the app (like kubectl rollout restart)",
  permissions: ["app.restart"],
  input: appNameParam.extend(environmentField.shape),
  output: z.object({ app: z.string(), restartedAt: dateTime, environment: z.string() }),
  route: { method: "POST", path: "/teams/{team}/apps/{app}/restart" },
  async run({ ctx, input }) {
    const app = await findApp(ctx, input.app);
    const at = new Date();
    const environment = await environmentOf(ctx, input.environment);
    await auditedClusterCall(
      ctx,
      {
        action: "app.restart",
        target: { type: "app", id: app.name },
        data: { app: app.name, restartedAt: at.toISOString(), environment: environment.name },
        environment,
      },
      ({ team, namespace }) => restartDeployment(team, namespace, app.name, { at }),
    ).catch(explainNotDeployed(app.name, "restart"));
    return { app: app.name, restartedAt: at, environment: environment.name };
  },
});
