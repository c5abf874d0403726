/**
 * What the app page shows: the Deployment and its rollout status, its pods,
 * recent events about it, built from the namespace's shared watch (appView, pure); and,
 * asked for, a tail of each pod's log, read with a team token (viewer is enough). Logs
 * are best effort: a pod whose node cannot serve logs (kwok's simulated nodes, a node
 * gone away) is marked as having none, not a failure.
 */
import type { V1Deployment, CoreV1Event, V1Pod } from "@kubernetes/client-node";
import type { TeamClient } from "./client";
import { hasClusterStatus } from "./errors";
import { describeResources, type ResourceSummary } from "./describe-resources";
import { LABELS, RELEASE_SEQUENCE_ANNOTATION } from "./manifests";
import type { RawObject } from "./namespace-cache";
import { rolloutStatus, type RolloutStatus } from "./rollout";

export type DeploymentSummary = {
  generation: number;
  observedGeneration: number;
  image: string | undefined;
  releaseId: string | undefined;
  releaseSequence: number | undefined;
  replicas: number;
};

export type PodSummary = {
  name: string;
  phase: string;
  ready: boolean;
  restarts: number;
  image: string | undefined;
  node: string | undefined;
  releaseId: string | undefined;
  startedAt: Date | undefined;
  /** Container names, for the log viewer's picker. */
  containers: string[];
};

export type EventSummary = {
  type: string;
  reason: string;
  message: string;
  object: string;
  count: number;
  lastSeen: Date | undefined;
};

/** A pod's last log lines; `unavailable` when its node serves none (kwok's simulated nodes, a node gone away). */
export type LogTail = { pod: string; text?: string; unavailable?: string };

export type AppView = {
  /** Null when the app has never been deployed. */
  deployment: DeploymentSummary | null;
  rollout: RolloutStatus | null;
  pods: PodSummary[];
  events: EventSummary[];
  logs: LogTail[];
  resources: ResourceSummary[];
};

export type AppObjects = {
  deployments: RawObject[];
  replicasets: RawObject[];
  pods: RawObject[];
  events: RawObject[];
  services: RawObject[];
  ingresses: RawObject[];
};

/** The app's view out of a namespace's objects (as the watch holds them: JSON, dates as strings), without logs. Pure. */
export function appView(objects: AppObjects, name: string, options: { maxEvents?: number } = {}): Omit<AppView, "logs"> {
  const ofApp = (o: RawObject) => o.metadata?.labels?.[LABELS.app] === name;
  const named = (list: RawObject[]) => list.find((o) => o.metadata?.name === name) ?? null;
  const deployment = named(objects.deployments) as V1Deployment | null;
  const replicaSets = objects.replicasets.filter(ofApp);
  const pods = (objects.pods.filter(ofApp) as V1Pod[]).sort((a, b) => (a.metadata?.name ?? "").localeCompare(b.metadata?.name ?? ""));

  const podSummaries: PodSummary[] = pods.map((pod) => {
    const statuses = pod.status?.containerStatuses ?? [];
    return {
      name: pod.metadata?.name ?? "",
      phase: pod.status?.phase ?? "Unknown",
      ready: pod.status?.conditions?.some((c) => c.type === "Ready" && c.status === "True") ?? false,
      restarts: statuses.reduce((sum, s) => sum + (s.restartCount ?? 0), 0),
      image: pod.spec?.containers[0]?.image,
      node: pod.spec?.nodeName,
      releaseId: pod.metadata?.labels?.[LABELS.release],
      startedAt: toDate(pod.status?.startTime),
      containers: (pod.spec?.containers ?? []).map((c) => c.name),
    };
  });

  // Events name their object; keep those about this app's Deployment, ReplicaSets and pods.
  const ours = new Set([name, ...replicaSets.map((rs) => rs.metadata?.name), ...podSummaries.map((p) => p.name)]);
  const eventSummaries: EventSummary[] = (objects.events as unknown as CoreV1Event[])
    .filter((e) => ours.has(e.involvedObject?.name))
    .map((e) => ({
      type: e.type ?? "Normal",
      reason: e.reason ?? "",
      message: e.message ?? "",
      object: `${e.involvedObject.kind}/${e.involvedObject.name}`,
      count: e.count ?? 1,
      lastSeen: toDate(e.lastTimestamp ?? e.eventTime ?? e.metadata?.creationTimestamp),
    }))
    .sort((a, b) => (b.lastSeen?.getTime() ?? 0) - (a.lastSeen?.getTime() ?? 0))
    .slice(0, options.maxEvents ?? 20);

  return {
    deployment: deployment && {
      generation: deployment.metadata?.generation ?? 0,
      observedGeneration: deployment.status?.observedGeneration ?? 0,
      image: deployment.spec?.template.spec?.containers[0]?.image,
      releaseId: deployment.metadata?.labels?.[LABELS.release],
      releaseSequence: Number(deployment.metadata?.annotations?.[RELEASE_SEQUENCE_ANNOTATION]) || undefined,
      replicas: deployment.spec?.replicas ?? 0,
    },
    rollout: deployment && rolloutStatus(deployment),
    pods: podSummaries,
    events: eventSummaries,
    resources: describeResources({
      deployment,
      replicaSets,
      pods,
      service: named(objects.services),
      ingress: named(objects.ingresses),
    }),
  };
}

/**
 * The same view read straight from the API server with `team`'s token, logs included: for
 * a one-off read outside the shared watch (the second-wall tests read as each role).
 */
export async function readApp(team: TeamClient, namespace: string, name: string, options: { tailLines?: number } = {}): Promise<AppView> {
  const where = { namespace, name };
  const labelSelector = `${LABELS.app}=${name}`;
  const orNone = (e: unknown) => {
    if (hasClusterStatus(e, 404)) return [];
    throw e;
  };
  const raw = (items: object[]) => items as RawObject[];
  const [deployments, pods, replicasets, events, services, ingresses] = await Promise.all([
    team.call({ verb: "get", kind: "Deployment", ...where }, () => team.apps.readNamespacedDeployment(where)).then((d) => [d], orNone),
    team.call({ verb: "list", kind: "pods", namespace }, () => team.core.listNamespacedPod({ namespace, labelSelector })),
    team.call({ verb: "list", kind: "replicasets", namespace }, () => team.apps.listNamespacedReplicaSet({ namespace, labelSelector })),
    team.call({ verb: "list", kind: "events", namespace }, () => team.core.listNamespacedEvent({ namespace })),
    team.call({ verb: "get", kind: "Service", ...where }, () => team.core.readNamespacedService(where)).then((o) => [o], orNone),
    team.call({ verb: "get", kind: "Ingress", ...where }, () => team.networking.readNamespacedIngress(where)).then((o) => [o], orNone),
  ]);
  const view = appView(
    {
      deployments: raw(deployments),
      replicasets: raw(replicasets.items),
      pods: raw(pods.items),
      events: raw(events.items),
      services: raw(services),
      ingresses: raw(ingresses),
    },
    name,
  );
  const logs = await readLogTails(
    team,
    namespace,
    name,
    view.pods.map((pod) => pod.name),
    options,
  );
  return { ...view, logs };
}

/** A tail of the log of each of the first `maxPods` pods, read with the team's token. */
export function readLogTails(
  team: TeamClient,
  namespace: string,
  app: string,
  pods: string[],
  options: { tailLines?: number; maxPods?: number } = {},
): Promise<LogTail[]> {
  return Promise.all(pods.slice(0, options.maxPods ?? 3).map((pod) => readLogTail(team, namespace, pod, app, options.tailLines ?? 50)));
}

/** Event times arrive as Date or, for MicroTime fields, as a string. */
function toDate(value: Date | string | undefined | null): Date | undefined {
  if (!value) return undefined;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

async function readLogTail(team: TeamClient, namespace: string, pod: string, container: string, tailLines: number): Promise<LogTail> {
  try {
    const text = await team.call({ verb: "read the log of", kind: "pod", name: pod, namespace }, () =>
      team.core.readNamespacedPodLog({ name: pod, namespace, container, tailLines }),
    );
    return { pod, text };
  } catch (e) {
    // Not the page's failure: kwok's simulated nodes, for one, serve no logs at all.
    return { pod, unavailable: e instanceof Error ? e.message : String(e) };
  }
}
