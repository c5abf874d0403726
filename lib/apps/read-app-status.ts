import { teamClusterClient } from "@/lib/cluster/audited-cluster-call";
import { platformClusterFor } from "@/lib/platform-cluster";
import { environmentField } from "@/lib/environments/environment.types";
import { environmentOf } from "@/lib/environments/team-environments";
import { readApp, toK8sError } from "@/lib/k8s";
import { teamUseCase } from "@/lib/usecase/define";
import { readAppLive } from "./app-live";
import { appStatus } from "./app-status.types";
import { appNameParam } from "./app.types";
import { findApp } from "./find-app";

/**
 * What runs in the cluster for an app in one environment (the team's default when none
 * is named): the Deployment, pods, events and a log tail,
 * read with the token of the caller's role; and its live health and drift (`live`, from
 * the namespace's shared watch). A cluster problem comes back as a message for the page,
 * not a failure.
 */
export const readAppStatus = teamUseCase({
  name: "readAppStatus",
  summary:
    "What runs for the app: Deployment and rollout, pods, recent events and a log tail, live health and drift from the current release; or why it cannot be read",
  permissions: ["app.read"],
  input: appNameParam.extend(environmentField.shape),
  output: appStatus,
  route: { method: "GET", path: "/teams/{team}/apps/{app}/status" },
  async run({ ctx, input }) {
    const app = await findApp(ctx, input.app, { includeArchived: true });
    const environment = await environmentOf(ctx, input.environment);
    const cluster = await platformClusterFor(environment.clusterId);
    if (!cluster) return { error: "No Kubernetes cluster is configured." };
    const live = readAppLive(ctx, app, environment);
    const { namespace } = environment;
    try {
      const view = await readApp(teamClusterClient(ctx, environment, cluster), namespace, app.name, { tailLines: 50, maxEvents: 20 });
      return { view, live: await live };
    } catch (error) {
      return {
        error: toK8sError(error, { namespace, name: app.name }).message,
        live: await live.catch(() => undefined),
      };
    }
  },
});
