import type { TeamContext } from "@/lib/authz/team-context";
import { platformCluster } from "@/lib/cluster/platform-cluster";
import { readApp, teamClient, toK8sError, type AppView } from "@/lib/k8s";

/**
 * What runs in the cluster for an app, read with the team's viewer token (reading
 * needs no more). A cluster problem comes back as a message for the page, not a throw.
 */
export async function readAppStatus(options: { ctx: TeamContext; app: string }): Promise<{ view: AppView } | { error: string }> {
  const cluster = platformCluster();
  if (!cluster) return { error: "No Kubernetes cluster is configured." };
  try {
    return {
      view: await readApp(teamClient(cluster, options.ctx.team.namespace, "viewer"), options.ctx.team.namespace, options.app, {
        tailLines: 50,
        maxEvents: 20,
      }),
    };
  } catch (error) {
    return { error: toK8sError(error, { namespace: options.ctx.team.namespace, name: options.app }).message };
  }
}
