/**
 * What the app page shows: the Deployment and its rollout status, its pods,
 * recent events about it and a tail of each pod's log. Read with a team token
 * (viewer is enough). Logs are best effort: a pod whose node cannot serve logs
 * (kwok's simulated nodes, a node gone away) is marked as having none, not a failed page.
 */
import type { TeamClient } from "./client";
import { describeResources, type ResourceSummary } from "./describe-resources";
import { hasClusterStatus } from "./errors";
import { LABELS, RELEASE_SEQUENCE_ANNOTATION } from "./manifests";
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

export type ReadAppOptions = { tailLines?: number; maxLogPods?: number; maxEvents?: number };

export async function readApp(team: TeamClient, namespace: string, name: string, options: ReadAppOptions = {}): Promise<AppView> {
  const where = { namespace, name };
  const labelSelector = `${LABELS.app}=${name}`;

  const orNull = (e: unknown) => {
    if (hasClusterStatus(e, 404)) return null;
    throw e;
  };
  const [deployment, pods, replicaSets, events, service, ingress] = await Promise.all([
    team
      .call({ verb: "get", kind: "Deployment", ...where }, () => team.apps.readNamespacedDeployment(where))
      .catch((e: unknown) => {
        if (hasClusterStatus(e, 404)) return null;
        throw e;
      }),
    team.call({ verb: "list", kind: "pods", namespace }, () => team.core.listNamespacedPod({ namespace, labelSelector })),
    team.call({ verb: "list", kind: "replicasets", namespace }, () => team.apps.listNamespacedReplicaSet({ namespace, labelSelector })),
    team.call({ verb: "list", kind: "events", namespace }, () => team.core.listNamespacedEvent({ namespace })),
    team.call({ verb: "get", kind: "Service", ...where }, () => team.core.readNamespacedService(where)).catch(orNull),
    team.call({ verb: "get", kind: "Ingress", ...where }, () => team.networking.readNamespacedIngress(where)).catch(orNull),
  ]);

  const podSummaries: PodSummary[] = pods.items.map((pod) => {
    const statuses = pod.status?.containerStatuses ?? [];
    return {
      name: pod.metadata?.name ?? "",
      phase: pod.status?.phase ?? "Unknown",
      ready: pod.status?.conditions?.some((c) => c.type === "Ready" && c.status === "True") ?? false,
      restarts: statuses.reduce((sum, s) => sum + (s.restartCount ?? 0), 0),
      image: pod.spec?.containers[0]?.image,
      node: pod.spec?.nodeName,
      releaseId: pod.metadata?.labels?.[LABELS.release],
      startedAt: pod.status?.startTime,
      containers: (pod.spec?.containers ?? []).map((c) => c.name),
    };
  });

  // Events name their object; keep those about this app's Deployment, ReplicaSets and pods.
  const ours = new Set([name, ...replicaSets.items.map((rs) => rs.metadata?.name), ...podSummaries.map((p) => p.name)]);
  const eventSummaries: EventSummary[] = events.items
    .filter((e) => ours.has(e.involvedObject.name))
    .map((e) => ({
      type: e.type ?? "Normal",
      reason: e.reason ?? "",
      message: e.message ?? "",
      object: `${e.involvedObject.kind}/${e.involvedObject.name}`,
      count: e.count ?? 1,
      lastSeen: toDate(e.lastTimestamp ?? e.eventTime ?? e.metadata.creationTimestamp),
    }))
    .sort((a, b) => (b.lastSeen?.getTime() ?? 0) - (a.lastSeen?.getTime() ?? 0))
    .slice(0, options.maxEvents ?? 20);

  const logs = await Promise.all(
    podSummaries.slice(0, options.maxLogPods ?? 3).map((pod) => readLogTail(team, namespace, pod.name, name, options.tailLines ?? 50)),
  );

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
    logs,
    resources: describeResources({ deployment, replicaSets: replicaSets.items, pods: pods.items, service, ingress }),
  };
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
