import { z } from "zod";
import { auditedClusterCall } from "@/lib/cluster/audited-cluster-call";
import { scaleDeployment } from "@/lib/k8s";
import { teamUseCase } from "@/lib/usecase/define";
import { environmentField } from "@/lib/environments/environment.types";
import { environmentOf } from "@/lib/environments/team-environments";
import { replicaCount } from "./app-spec.types";
import { findApp } from "./find-app";
import { explainNotDeployed } from "./not-deployed";
import { keepReplicasIn, replicasIn } from "./replicas-in";

/**
 * Scales in the cluster and keeps the count for that environment (lib/apps/replicas-in.ts),
 * so the next deploy there does not undo it and other environments are not changed.
 */
export const scaleApp = teamUseCase({
  name: "scaleApp",
  summary:
    "Scale the app in `environment` (default: the team's first); the count is kept for that environment, so its next deploy keeps it",
  permissions: ["app.scale"],
  input: z.object({ app: z.string(), replicas: replicaCount }).extend(environmentField.shape),
  output: z.object({ app: z.string(), replicas: z.number().int(), environment: z.string() }),
  route: { method: "POST", path: "/teams/{team}/apps/{app}/scale" },
  async run({ ctx, input }) {
    const app = await findApp(ctx, input.app);
    const { replicas } = input;
    const environment = await environmentOf(ctx, input.environment);
    const from = await replicasIn(app, environment);
    await auditedClusterCall(
      ctx,
      {
        action: "app.scale",
        target: { type: "app", id: app.name },
        data: { app: app.name, from, to: replicas, environment: environment.name },
        environment,
        after: (tx) => keepReplicasIn(tx, app, environment, replicas),
      },
      ({ team, namespace }) => scaleDeployment(team, namespace, app.name, replicas),
    ).catch(explainNotDeployed(app.name, "scale"));
    return { app: app.name, replicas, environment: environment.name };
  },
});
