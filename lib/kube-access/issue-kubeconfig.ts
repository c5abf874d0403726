import { readFile } from "node:fs/promises";
import { stringify } from "yaml";
import { db } from "@/lib/db";
import { clusterRoleOf } from "@/lib/authz/authorize";
import { recordTeamEvent, type AuditPayloads } from "@/lib/audit/audit-events";
import { requireCluster } from "@/lib/cluster/platform-cluster";
import { AppError } from "@/lib/errors";
import { personServiceAccountName, personToken, revokePersonAccess, toK8sError, type PlatformClient, type TeamToken } from "@/lib/k8s";
import { logError } from "@/lib/observability/logger";
import { fileBody, teamUseCase } from "@/lib/usecase/define";
import { noInput } from "@/lib/validation/wire";
import { accessChangedMessage, unsafeStillHasRole } from "./confirm-kube-access";

const LIFETIME_SECONDS = 60 * 60;

async function certificateAuthority(cluster: PlatformClient): Promise<string | undefined> {
  const { caData, caFile } = cluster.clusterEntry;
  return caData ?? (caFile ? (await readFile(caFile)).toString("base64") : undefined);
}

/**
 * A kubeconfig for the team namespace holding a fresh one-hour token of the person's
 * own ServiceAccount, bound to their role's rights: viewers read, deployers and leads
 * (and admins) get the deployer rights. Same view as the UI ("same tools"). Leaving
 * the team or changing role deletes that account, which revokes the token, even when
 * it happens while this request is minting (./confirm-kube-access.ts). Issuing is a
 * POST: a credential is a change, audited, never a prefetchable GET.
 */
export const issueKubeconfig = teamUseCase({
  name: "issueKubeconfig",
  summary: "A kubeconfig (YAML) for the team namespace with a one-hour token matching your role",
  permissions: ["kubeconfig.issue"],
  input: noInput,
  output: fileBody,
  route: { method: "POST", path: "/teams/{team}/kubeconfig", produces: ["application/yaml"], download: true },
  async run({ ctx }) {
    const role = clusterRoleOf(ctx);
    const serviceAccount = personServiceAccountName(ctx.actor.id);
    const { namespace } = ctx.team;
    const cluster = requireCluster();
    const target = { type: "namespace", id: namespace } as const;

    /** Audits the outcome after reading the membership again; false when the access changed meanwhile. */
    const confirmAndRecord = (data: AuditPayloads["kubeconfig.issue"]) =>
      db().$transaction(async (tx) => {
        const still = await unsafeStillHasRole(tx, ctx);
        const recorded = still ? data : { role, serviceAccount, result: "failed" as const, error: "access changed while issuing" };
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
      minted = await personToken(cluster, { team: ctx.team.slug, namespace, personId: ctx.actor.id, role }, LIFETIME_SECONDS);
    } catch (error) {
      const failure = toK8sError(error, { namespace, name: serviceAccount });
      if (!(await confirmAndRecord({ role, serviceAccount, result: "failed", error: failure.message }))) return refuse();
      throw failure;
    }
    const data = { role, serviceAccount, expiresAt: minted.expiresAt.toISOString(), result: "ok" as const };
    if (!(await confirmAndRecord(data))) return refuse();

    const name = `slipway-${ctx.team.slug}`;
    const { server, skipTLSVerify } = cluster.clusterEntry;
    const ca = await certificateAuthority(cluster);
    const kubeconfig = stringify({
      apiVersion: "v1",
      kind: "Config",
      clusters: [
        {
          name,
          cluster: {
            server,
            ...(ca ? { "certificate-authority-data": ca } : {}),
            ...(skipTLSVerify ? { "insecure-skip-tls-verify": true } : {}),
          },
        },
      ],
      users: [{ name: `${name}-${role}`, user: { token: minted.token } }],
      contexts: [{ name, context: { cluster: name, user: `${name}-${role}`, namespace } }],
      "current-context": name,
    });
    return { body: kubeconfig, contentType: "application/yaml; charset=utf-8", filename: `${name}.kubeconfig` };
  },
});
