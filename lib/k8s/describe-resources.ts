/**
 * The objects an app is made of, as a tree for the app page (Deployment -> ReplicaSets
 * -> Pods, then Service and Ingress), each with its conditions and its YAML as the API
 * server holds it (without managedFields, which only say who wrote which field).
 * Pure: unit tests feed it plain objects.
 */
import { stringify } from "yaml";

export type ResourceCondition = { type: string; status: string; reason?: string; message?: string };

export type ResourceSummary = {
  kind: "Deployment" | "ReplicaSet" | "Pod" | "Service" | "Ingress";
  name: string;
  /** The owner's name in the tree (a ReplicaSet's Deployment, a Pod's ReplicaSet). */
  parent: string | null;
  conditions: ResourceCondition[];
  yaml: string;
};

type KubeObject = {
  metadata?: { name?: string; managedFields?: unknown; ownerReferences?: { name?: string }[] };
  status?: { conditions?: { type?: string; status?: string; reason?: string; message?: string }[] } | object;
};

function plain(object: KubeObject): Record<string, unknown> {
  const copy = JSON.parse(JSON.stringify(object)) as { metadata?: Record<string, unknown> };
  if (copy.metadata) delete copy.metadata.managedFields;
  return copy as Record<string, unknown>;
}

function summarize(kind: ResourceSummary["kind"], object: KubeObject): ResourceSummary {
  const conditions = ((object.status as { conditions?: ResourceCondition[] } | undefined)?.conditions ?? []).map((c) => ({
    type: c.type ?? "",
    status: c.status ?? "Unknown",
    ...(c.reason ? { reason: c.reason } : {}),
    ...(c.message ? { message: c.message } : {}),
  }));
  return {
    kind,
    name: object.metadata?.name ?? "",
    parent: object.metadata?.ownerReferences?.[0]?.name ?? null,
    conditions,
    yaml: stringify({ kind, ...plain(object) }, { lineWidth: 0 }),
  };
}

export function describeResources(objects: {
  deployment: KubeObject | null;
  replicaSets: KubeObject[];
  pods: KubeObject[];
  service: KubeObject | null;
  ingress: KubeObject | null;
}): ResourceSummary[] {
  return [
    ...(objects.deployment ? [summarize("Deployment", objects.deployment)] : []),
    ...objects.replicaSets.map((rs) => summarize("ReplicaSet", rs)),
    ...objects.pods.map((pod) => summarize("Pod", pod)),
    ...(objects.service ? [summarize("Service", objects.service)] : []),
    ...(objects.ingress ? [summarize("Ingress", objects.ingress)] : []),
  ];
}
