import { stringify } from "yaml";
import { db } from "@/lib/db";
import type { TeamContext } from "@/lib/authz/team-context";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { requireCluster } from "@/lib/cluster/platform-cluster";
import { personServiceAccountName, personToken } from "@/lib/k8s";

const LIFETIME_SECONDS = 60 * 60;

/**
 * A kubeconfig for the team namespace holding a fresh one-hour token of the person's
 * own ServiceAccount, bound to their role's rights: viewers read, deployers and leads
 * (and admins) get the deployer rights. Same view as the UI ("same tools"). Leaving
 * the team or changing role deletes that account, which revokes the token.
 */
export async function issueKubeconfig(options: { ctx: TeamContext }) {
  const { ctx } = options;
  const cluster = requireCluster();
  const role = ctx.role === "VIEWER" ? "viewer" : "deployer";
  const access = { team: ctx.team.slug, namespace: ctx.team.namespace, personId: ctx.actor.id, role } as const;
  const { token, expiresAt } = await personToken(cluster, access, LIFETIME_SECONDS);
  const { server, caData, caFile, skipTLSVerify } = cluster.clusterEntry;
  const certificateAuthorityData =
    caData ?? (caFile ? (await import("node:fs/promises")).readFile(caFile).then((b) => b.toString("base64")) : undefined);
  const name = `slipway-${ctx.team.slug}`;
  const kubeconfig = stringify({
    apiVersion: "v1",
    kind: "Config",
    clusters: [
      {
        name,
        cluster: {
          server,
          ...(certificateAuthorityData ? { "certificate-authority-data": await certificateAuthorityData } : {}),
          ...(skipTLSVerify ? { "insecure-skip-tls-verify": true } : {}),
        },
      },
    ],
    users: [{ name: `${name}-${role}`, user: { token } }],
    contexts: [{ name, context: { cluster: name, user: `${name}-${role}`, namespace: ctx.team.namespace } }],
    "current-context": name,
  });
  await db().$transaction((tx) =>
    recordAuditEvent({
      tx,
      actor: ctx.actor,
      action: "kubeconfig.issue",
      teamId: ctx.team.id,
      target: { type: "namespace", id: ctx.team.namespace },
      data: { role, serviceAccount: personServiceAccountName(ctx.actor.id), expiresAt: expiresAt.toISOString() },
      request: ctx.request,
    }),
  );
  return { kubeconfig, role, expiresAt, filename: `${name}.kubeconfig` };
}
