import type { TeamContext } from "@/lib/authz/team-context";
import { auditedClusterCall } from "@/lib/cluster/audited-cluster-call";
import { platformClusterFor } from "@/lib/platform-cluster";
import { hasClusterStatus, scaleDeployment } from "@/lib/k8s";
import { teamEnvironments } from "@/lib/environments/team-environments";

/**
 * Scales the app's Deployment to 0 in every environment (each audited as app.scale); an
 * environment where the app was never deployed, or without a cluster, has nothing to stop.
 */
export async function scaleToZeroIfDeployed(ctx: TeamContext<"app.scale">, app: { id: string; name: string; replicas: number }) {
  for (const environment of await teamEnvironments(ctx.team)) {
    if (!(await platformClusterFor(environment.clusterId))) continue;
    await auditedClusterCall(
      ctx,
      {
        action: "app.scale",
        target: { type: "app", id: app.name },
        data: { app: app.name, from: app.replicas, to: 0, environment: environment.name },
        after: (tx) => tx.app.update({ where: { id: app.id }, data: { replicas: 0 } }),
        environment,
      },
      ({ team, namespace }) => scaleDeployment(team, namespace, app.name, 0),
    ).catch((error: unknown) => {
      if (!hasClusterStatus(error, 404)) throw error;
    });
  }
}
