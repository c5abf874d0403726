import { z } from "zod";
import { teamClusterClient } from "@/lib/cluster/audited-cluster-call";
import { platformClusterFor } from "@/lib/platform-cluster";
import { environmentField } from "@/lib/environments/environment.types";
import { environmentOf } from "@/lib/environments/team-environments";
import { appView, readLogTails, toK8sError, type AppObjects } from "@/lib/k8s";
import { teamUseCase } from "@/lib/usecase/define";
import { liveCache, readAppLive } from "./app-live";
import { appStatus } from "./app-status.types";
import { appNameParam } from "./app.types";
import { findApp } from "./find-app";

/**
 * What runs in the cluster for an app in one environment (the team's default when none
 * is named): the Deployment, pods, events and resource tree from the namespace's shared
 * watch (lib/k8s/namespace-cache.ts; this use-case has authorized the caller for the team
 * before anything of it is served), its live health and drift; and a log tail of each pod
 * read with the token of the caller's role, unless `tailLines=0` (the app page asks for
 * none: its Logs panel follows them over SSE). A cluster problem comes back as a message
 * for the page, not a failure.
 */
export const readAppStatus = teamUseCase({
  name: "readAppStatus",
  summary:
    "What runs for the app in one environment: Deployment and rollout, pods, recent events and a log tail (none with tailLines=0), live health and drift from the current release; or why it cannot be read",
  permissions: ["app.read"],
  input: appNameParam.extend({ tailLines: z.coerce.number().int().min(0).max(1000).default(50), ...environmentField.shape }),
  output: appStatus,
  route: { method: "GET", path: "/teams/{team}/apps/{app}/status" },
  async run({ ctx, input }) {
    const app = await findApp(ctx, input.app, { includeArchived: true });
    const environment = await environmentOf(ctx, input.environment);
    const cluster = await platformClusterFor(environment.clusterId);
    const cache = await liveCache(ctx, environment);
    if (!cluster || !cache) return { error: "No Kubernetes cluster is configured." };
    const live = readAppLive(ctx, app, environment);
    const { objects, error } = await cache.read();
    if (error) return { error, live: await live.catch(() => undefined) };
    const view = appView(
      {
        deployments: objects("deployments"),
        replicasets: objects("replicasets"),
        pods: objects("pods"),
        events: objects("events"),
        services: objects("services"),
        ingresses: objects("ingresses"),
      } satisfies AppObjects,
      app.name,
    );
    const { namespace } = environment;
    try {
      const pods = view.pods.map((pod) => pod.name);
      const logs =
        input.tailLines === 0
          ? []
          : await readLogTails(teamClusterClient(ctx, environment, cluster), namespace, app.name, pods, { tailLines: input.tailLines });
      return { view: { ...view, logs }, live: await live };
    } catch (error) {
      return { error: toK8sError(error, { namespace, name: app.name }).message, live: await live.catch(() => undefined) };
    }
  },
});
