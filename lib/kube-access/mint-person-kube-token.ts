import { db } from "@/lib/db";
import { clusterRoleOf } from "@/lib/authz/authorize";
import type { TeamContext } from "@/lib/authz/team-context";
import { recordTeamEvent, type AuditPayloads } from "@/lib/audit/audit-events";
import { requireClusterFor } from "@/lib/platform-cluster";
import type { TeamEnvironment } from "@/lib/environments/team-environments";
import { AppError } from "@/lib/errors";
import { personServiceAccountName, personToken, revokePersonAccess, toK8sError, type PlatformClient, type TeamToken } from "@/lib/k8s";
import { logError } from "@/lib/observability/logger";
import { accessChangedMessage, unsafeStillHasRole } from "./confirm-kube-access";

/**
 * A fresh token of the person's own ServiceAccount in the team namespace, bound to their
 * role's rights (viewers read; deployers, leads and admins get the deployer rights).
 * Leaving the team or changing role deletes that account, which revokes the token, even
 * when it happens while this request is minting (./confirm-kube-access.ts). Audited as
 * kubeconfig.issue, whichever form it is handed out in, success or failure.
 */
export async function mintPersonKubeToken(
  ctx: TeamContext<"kubeconfig.issue">,
  options: { lifetimeSeconds: number; form: "static" | "exec-token"; environment: TeamEnvironment },
): Promise<TeamToken & { cluster: PlatformClient; role: "viewer" | "deployer" }> {
  const role = clusterRoleOf(ctx);
  const serviceAccount = personServiceAccountName(ctx.actor.id);
  const { namespace, name: environment } = options.environment;
  const cluster = await requireClusterFor(options.environment.clusterId);
  const target = { type: "namespace", id: namespace } as const;

  /** Audits the outcome after reading the membership again; false when the access changed meanwhile. */
  const confirmAndRecord = (data: AuditPayloads["kubeconfig.issue"]) =>
    db().$transaction(async (tx) => {
      const still = await unsafeStillHasRole(tx, ctx);
      const recorded = still
        ? data
        : { role, serviceAccount, form: options.form, environment, result: "failed" as const, error: "access changed while issuing" };
      await recordTeamEvent(tx, ctx, "kubeconfig.issue", { target, data: recorded });
      return still;
    });
  const refuse = async (): Promise<never> => {
    // This request may have re-created the account after the removal deleted it.
    await revokePersonAccess(cluster, namespace, ctx.actor.id).catch((error: unknown) =>
      logError("could not delete a ServiceAccount re-created during a revocation", error),
    );
    throw new AppError("FORBIDDEN", accessChangedMessage(ctx.team.name));
  };

  let minted: TeamToken;
  try {
    minted = await personToken(cluster, { team: ctx.team.slug, namespace, personId: ctx.actor.id, role }, options.lifetimeSeconds);
  } catch (error) {
    const failure = toK8sError(error, { namespace, name: serviceAccount });
    const failed = { role, serviceAccount, form: options.form, environment, result: "failed" as const, error: failure.message };
    if (!(await confirmAndRecord(failed))) return refuse();
    throw failure;
  }
  const data = { role, serviceAccount, form: options.form, environment, expiresAt: minted.expiresAt.toISOString(), result: "ok" as const };
  if (!(await confirmAndRecord(data))) return refuse();
  return { ...minted, cluster, role };
}
