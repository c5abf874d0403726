import type { TeamContext } from "@/lib/authz/team-context";
import { auditedClusterCall } from "@/lib/cluster/audited-cluster-call";
import { platformCluster } from "@/lib/platform-cluster";
import { hasClusterStatus, scaleDeployment } from "@/lib/k8s";

/** Scales the app's Deployment to 0 (audited as app.scale); an app never deployed, or no cluster, has nothing to stop. */
export async function scaleToZeroIfDeployed(ctx: TeamContext<"app.scale">, app: { id: string; name: string; replicas: number }) {
  if (!platformCluster()) return;
  await auditedClusterCall(
    ctx,
    {
      action: "app.scale",
      target: { type: "app", id: app.name },
      data: { app: app.name, from: app.replicas, to: 0 },
      after: (tx) => tx.app.update({ where: { id: app.id }, data: { replicas: 0 } }),
    },
    ({ team }) => scaleDeployment(team, ctx.team.namespace, app.name, 0),
  ).catch((error: unknown) => {
    if (!hasClusterStatus(error, 404)) throw error;
  });
}
