import { teamClusterClient } from "@/lib/cluster/audited-cluster-call";
import { platformCluster } from "@/lib/platform-cluster";
import { readApp, toK8sError } from "@/lib/k8s";
import { teamUseCase } from "@/lib/usecase/define";
import { readAppLive } from "./app-live";
import { appStatus } from "./app-status.types";
import { appNameParam } from "./app.types";
import { findApp } from "./find-app";

/**
 * What runs in the cluster for an app: the Deployment, pods, events and a log tail,
 * read with the token of the caller's role; and its live health and drift (`live`, from
 * the namespace's shared watch). A cluster problem comes back as a message for the page,
 * not a failure.
 */
export const readAppStatus = teamUseCase({
  name: "readAppStatus",
  summary:
    "What runs for the app: Deployment and rollout, pods, recent events and a log tail, live health and drift from the current release; or why it cannot be read",
  permissions: ["app.read"],
  input: appNameParam,
  output: appStatus,
  route: { method: "GET", path: "/teams/{team}/apps/{app}/status" },
  async run({ ctx, input }) {
    const app = await findApp(ctx, input.app, { includeArchived: true });
    const cluster = platformCluster();
    if (!cluster) return { error: "No Kubernetes cluster is configured." };
    const live = readAppLive(ctx, app);
    try {
      const view = await readApp(teamClusterClient(ctx, cluster), ctx.team.namespace, app.name, { tailLines: 50, maxEvents: 20 });
      return { view, live: await live };
    } catch (error) {
      return {
        error: toK8sError(error, { namespace: ctx.team.namespace, name: app.name }).message,
        live: await live.catch(() => undefined),
      };
    }
  },
});
