/**
 * What Slipway keeps from kube-apiserver's audit events (audit.k8s.io/v1 EventList, the
 * body its webhook backend posts): the finished writes, and exec/attach/port-forward
 * attempts, made in a namespace by a person's own ServiceAccount (the one their
 * downloaded kubeconfig holds). Pure, so the rule reads without a cluster.
 *
 * Slipway's team ServiceAccounts (slipway-deployer, slipway-viewer) are left out: what
 * they do is Slipway's own action, already in the log with the person who asked.
 */
import { z } from "zod";

const auditEvent = z.looseObject({
  auditID: z.string().min(1).max(64),
  stage: z.string(),
  verb: z.string(),
  user: z.looseObject({ username: z.string().optional() }).optional(),
  userAgent: z.string().optional(),
  objectRef: z
    .looseObject({
      resource: z.string().optional(),
      subresource: z.string().optional(),
      namespace: z.string().optional(),
      name: z.string().optional(),
      apiGroup: z.string().optional(),
    })
    .optional(),
  responseStatus: z.looseObject({ code: z.number().optional() }).optional(),
  stageTimestamp: z.string().optional(),
});

export const kubeAuditEventList = z.looseObject({
  kind: z.literal("EventList"),
  items: z.array(z.unknown()).max(10_000),
});

export type KubeWrite = {
  auditId: string;
  namespace: string;
  serviceAccount: string;
  verb: string;
  resource: string;
  subresource?: string;
  name?: string;
  code: number;
  userAgent?: string;
};

const WRITE_VERBS = new Set(["create", "update", "patch", "delete", "deletecollection"]);
/** Attempts to get into a running pod; over WebSockets their verb is "get". */
const SESSION_SUBRESOURCES = new Set(["exec", "attach", "portforward"]);
const PERSON_ACCOUNT = /^system:serviceaccount:([a-z0-9-]+):(slipway-person-[0-9a-f]{16})$/;

/** The events worth recording, in the order given; anything malformed or not ours is skipped. */
export function personWrites(items: unknown[]): KubeWrite[] {
  const writes: KubeWrite[] = [];
  for (const item of items) {
    const parsed = auditEvent.safeParse(item);
    if (!parsed.success) continue;
    const event = parsed.data;
    // One event per request: the response is known once it completed (or panicked).
    if (event.stage !== "ResponseComplete" && event.stage !== "Panic") continue;
    const ref = event.objectRef;
    if (!ref?.namespace || !ref.resource) continue;
    const account = PERSON_ACCOUNT.exec(event.user?.username ?? "");
    if (!account || account[1] !== ref.namespace) continue;
    const session = ref.subresource !== undefined && SESSION_SUBRESOURCES.has(ref.subresource);
    if (!session && !WRITE_VERBS.has(event.verb)) continue;
    writes.push({
      auditId: event.auditID,
      namespace: ref.namespace,
      serviceAccount: account[2]!,
      verb: event.verb,
      resource: ref.resource,
      ...(ref.subresource ? { subresource: ref.subresource } : {}),
      ...(ref.name ? { name: ref.name } : {}),
      code: event.responseStatus?.code ?? (event.stage === "Panic" ? 500 : 0),
      ...(event.userAgent ? { userAgent: event.userAgent.slice(0, 200) } : {}),
    });
  }
  return writes;
}

/** Which app a write touched: the Deployment, Service and Ingress carry the app's name; pods and ReplicaSets start with it. */
export function appOfWrite(write: Pick<KubeWrite, "resource" | "name">, apps: string[]): string | undefined {
  if (!write.name) return undefined;
  if (["deployments", "services", "ingresses"].includes(write.resource)) return apps.includes(write.name) ? write.name : undefined;
  if (write.resource === "pods" || write.resource === "replicasets") {
    return apps.filter((app) => write.name!.startsWith(`${app}-`)).sort((a, b) => b.length - a.length)[0];
  }
  return undefined;
}
