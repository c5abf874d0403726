import { clusterRoleOf } from "@/lib/authz/authorize";
import type { TeamContext } from "@/lib/authz/team-context";
import { auditedClusterCall } from "@/lib/cluster/audited-cluster-call";
import { personServiceAccountName, personToken, type PlatformClient } from "@/lib/k8s";

/**
 * A fresh token of the person's own ServiceAccount in the team namespace, bound to their
 * role's rights (viewers read; deployers, leads and admins get the deployer rights).
 * Leaving the team or changing role deletes that account, which revokes the token.
 * Audited as kubeconfig.issue, whichever form it is handed out in.
 */
export async function mintPersonKubeToken(
  ctx: TeamContext<"kubeconfig.issue">,
  options: { lifetimeSeconds: number; form: "static" | "exec-token" },
) {
  const role = clusterRoleOf(ctx);
  const serviceAccount = personServiceAccountName(ctx.actor.id);
  const access = { team: ctx.team.slug, namespace: ctx.team.namespace, personId: ctx.actor.id, role } as const;
  const minted = await auditedClusterCall<"kubeconfig.issue", { token: string; expiresAt: Date; cluster: PlatformClient }>(
    ctx,
    {
      action: "kubeconfig.issue",
      target: { type: "namespace", id: ctx.team.namespace },
      data: (minted) => ({
        role,
        serviceAccount,
        form: options.form,
        ...(minted ? { expiresAt: minted.expiresAt.toISOString() } : {}),
      }),
    },
    async ({ platform }) => ({ ...(await personToken(platform, access, options.lifetimeSeconds)), cluster: platform }),
  );
  return { ...minted, role };
}
