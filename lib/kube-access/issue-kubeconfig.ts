import { readFile } from "node:fs/promises";
import { stringify } from "yaml";
import { clusterRoleOf } from "@/lib/authz/authorize";
import { auditedClusterCall } from "@/lib/cluster/audited-cluster-call";
import { personServiceAccountName, personToken, type PlatformClient } from "@/lib/k8s";
import { fileBody, teamUseCase } from "@/lib/usecase/define";
import { noInput } from "@/lib/validation/wire";

const LIFETIME_SECONDS = 60 * 60;

async function certificateAuthority(cluster: PlatformClient): Promise<string | undefined> {
  const { caData, caFile } = cluster.clusterEntry;
  return caData ?? (caFile ? (await readFile(caFile)).toString("base64") : undefined);
}

/**
 * A kubeconfig for the team namespace holding a fresh one-hour token of the person's
 * own ServiceAccount, bound to their role's rights: viewers read, deployers and leads
 * (and admins) get the deployer rights. Same view as the UI ("same tools"). Leaving
 * the team or changing role deletes that account, which revokes the token. Issuing
 * is a POST: a credential is a change, audited, never a prefetchable GET.
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
    const access = { team: ctx.team.slug, namespace: ctx.team.namespace, personId: ctx.actor.id, role } as const;
    const { token, cluster } = await auditedClusterCall<"kubeconfig.issue", { token: string; expiresAt: Date; cluster: PlatformClient }>(
      ctx,
      {
        action: "kubeconfig.issue",
        target: { type: "namespace", id: ctx.team.namespace },
        data: (minted) => ({ role, serviceAccount, ...(minted ? { expiresAt: minted.expiresAt.toISOString() } : {}) }),
      },
      async ({ platform }) => ({ ...(await personToken(platform, access, LIFETIME_SECONDS)), cluster: platform }),
    );
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
      users: [{ name: `${name}-${role}`, user: { token } }],
      contexts: [{ name, context: { cluster: name, user: `${name}-${role}`, namespace: ctx.team.namespace } }],
      "current-context": name,
    });
    return { body: kubeconfig, contentType: "application/yaml; charset=utf-8", filename: `${name}.kubeconfig` };
  },
});
