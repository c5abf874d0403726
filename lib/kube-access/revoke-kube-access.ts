import { db } from "@/lib/db";
import type { AnyTeamContext } from "@/lib/authz/team-context";
import { recordTeamEvent, type AuditPayloads } from "@/lib/audit/audit-events";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { platformClusterFor } from "@/lib/platform-cluster";
import { teamEnvironments, type TeamEnvironment } from "@/lib/environments/team-environments";
import { revokePersonAccess, toK8sError } from "@/lib/k8s";

type Reason = AuditPayloads["kubeconfig.revoke"]["reason"];

/**
 * After someone leaves a team or changes role: deletes their kubectl ServiceAccount in
 * each of the team's environments (a person may hold a kubeconfig for each), so a
 * kubeconfig they downloaded stops working. Recorded when there was something to
 * revoke, and when revoking failed (the Slipway change stands). The platform credential
 * does this, not the caller's team token: granting and revoking access is Slipway's own business.
 */
export async function revokeKubeAccess(options: { ctx: AnyTeamContext; userId: string; reason: Exclude<Reason, "expired"> }) {
  const { ctx } = options;
  for (const environment of await teamEnvironments(ctx.team)) {
    const data = await deletePersonAccount(environment, options.userId, options.reason);
    if (!data) continue;
    await db().$transaction((tx) => recordTeamEvent(tx, ctx, "kubeconfig.revoke", { target: { type: "user", id: options.userId }, data }));
  }
}

/**
 * The same when a time-bound grant runs out: nobody did it, so the events have no actor
 * (Slipway). Returns what to record, for the caller to audit with the expiry.
 */
export async function unsafeRevokeExpiredKubeAccess(options: { team: { id: string; namespace: string }; userId: string }) {
  const revoked: AuditPayloads["kubeconfig.revoke"][] = [];
  for (const environment of await teamEnvironments(options.team)) {
    const data = await deletePersonAccount(environment, options.userId, "expired");
    if (data) revoked.push(data);
  }
  return revoked;
}

export function recordExpiredKubeRevoke(
  tx: Parameters<typeof recordAuditEvent>[0]["tx"],
  options: { teamId: string; userId: string; data: AuditPayloads["kubeconfig.revoke"] },
) {
  return recordAuditEvent({
    tx,
    actor: null,
    action: "kubeconfig.revoke",
    teamId: options.teamId,
    target: { type: "user", id: options.userId },
    data: options.data,
  });
}

async function deletePersonAccount(
  environment: TeamEnvironment,
  userId: string,
  reason: Reason,
): Promise<AuditPayloads["kubeconfig.revoke"] | null> {
  const { namespace } = environment;
  try {
    const cluster = await platformClusterFor(environment.clusterId);
    if (!cluster) return null;
    const { revoked } = await revokePersonAccess(cluster, namespace, userId);
    return revoked ? { reason, result: "ok" } : null;
  } catch (error) {
    return { reason, result: "failed", error: toK8sError(error, { namespace }).message };
  }
}
