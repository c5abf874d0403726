import { db } from "@/lib/db";
import type { AnyTeamContext } from "@/lib/authz/team-context";
import { recordTeamEvent, type AuditPayloads } from "@/lib/audit/audit-events";
import { platformClusterFor } from "@/lib/platform-cluster";
import { teamEnvironments, type TeamEnvironment } from "@/lib/environments/team-environments";
import { revokePersonAccess, toK8sError } from "@/lib/k8s";

/**
 * After someone leaves a team or changes role: deletes their kubectl ServiceAccount
 * in the namespace, so a kubeconfig they downloaded stops working. Recorded when
 * there was something to revoke, and when revoking failed (the Slipway change stands).
 * The platform credential does this, not the caller's team token: granting and
 * revoking access is Slipway's own business.
 */
export async function revokeKubeAccess(options: { ctx: AnyTeamContext; userId: string; reason: "removed" | "role changed" }) {
  for (const environment of await teamEnvironments(options.ctx.team)) await revokeIn(environment, options);
}

/** In one environment's namespace (every environment: a person may hold a kubeconfig for each). */
async function revokeIn(
  environment: TeamEnvironment,
  options: { ctx: AnyTeamContext; userId: string; reason: "removed" | "role changed" },
) {
  const { ctx } = options;
  const { namespace } = environment;
  let data: AuditPayloads["kubeconfig.revoke"];
  try {
    const cluster = await platformClusterFor(environment.clusterId);
    if (!cluster) return;
    const { revoked } = await revokePersonAccess(cluster, namespace, options.userId);
    if (!revoked) return;
    data = { reason: options.reason, result: "ok" };
  } catch (error) {
    data = { reason: options.reason, result: "failed", error: toK8sError(error, { namespace }).message };
  }
  await db().$transaction((tx) => recordTeamEvent(tx, ctx, "kubeconfig.revoke", { target: { type: "user", id: options.userId }, data }));
}
