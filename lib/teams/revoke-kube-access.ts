import { db } from "@/lib/db";
import type { TeamContext } from "@/lib/authz/team-context";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { platformCluster } from "@/lib/cluster/platform-cluster";
import { revokePersonAccess, toK8sError } from "@/lib/k8s";

/**
 * After someone leaves a team or changes role: deletes their kubectl ServiceAccount
 * in the namespace, so a kubeconfig they downloaded stops working. Recorded when
 * there was something to revoke, and when revoking failed (the Slipway change stands).
 */
export async function revokeKubeAccess(options: { ctx: TeamContext; userId: string; reason: "removed" | "role changed" }) {
  const { ctx } = options;
  const cluster = platformCluster();
  if (!cluster) return;
  let data: Record<string, unknown>;
  try {
    const { revoked } = await revokePersonAccess(cluster, ctx.team.namespace, options.userId);
    if (!revoked) return;
    data = { reason: options.reason, result: "ok" };
  } catch (error) {
    data = { reason: options.reason, result: "failed", error: toK8sError(error, { namespace: ctx.team.namespace }).message };
  }
  await db().$transaction((tx) =>
    recordAuditEvent({
      tx,
      actor: ctx.actor,
      action: "kubeconfig.revoke",
      teamId: ctx.team.id,
      target: { type: "user", id: options.userId },
      data,
      request: ctx.request,
    }),
  );
}
