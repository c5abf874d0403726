import { readFile } from "node:fs/promises";
import { stringify } from "yaml";
import { z } from "zod";
import { clusterRoleOf } from "@/lib/authz/authorize";
import { requireClusterFor } from "@/lib/platform-cluster";
import { environmentField } from "@/lib/environments/environment.types";
import { environmentOf } from "@/lib/environments/team-environments";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { PlatformClient } from "@/lib/k8s";
import { fileBody, teamUseCase } from "@/lib/usecase/define";
import { mintPersonKubeToken } from "./mint-person-kube-token";

const STATIC_LIFETIME_SECONDS = 60 * 60;

async function certificateAuthority(cluster: PlatformClient): Promise<string | undefined> {
  const { caData, caFile } = cluster.clusterEntry;
  return caData ?? (caFile ? (await readFile(caFile)).toString("base64") : undefined);
}

/**
 * A kubeconfig for the team namespace, for the person's own ServiceAccount with their
 * role's rights (./mint-person-kube-token.ts). Same view as the UI ("same tools").
 *
 * By default kubectl gets its token from the `slipway` CLI (a client-go exec credential
 * plugin: `slipway kube-token TEAM --server URL`, ./issue-kube-token.ts), a fresh
 * ten-minute one whenever the last nears its end, so the file keeps working while the
 * person is a member and never holds a credential itself. `format=static` is for
 * machines without the CLI: a one-hour token written into the file. Issuing is a POST:
 * a credential is a change, audited, never a prefetchable GET.
 */
export const issueKubeconfig = teamUseCase({
  name: "issueKubeconfig",
  summary:
    "A kubeconfig (YAML) for an environment's namespace (default: the team's first) matching your role: refreshing through `slipway kube-token` (exec), or with a one-hour token (static)",
  permissions: ["kubeconfig.issue"],
  input: z
    .object({
      format: z
        .enum(["exec", "static"])
        .default("exec")
        .describe("exec: tokens from the slipway CLI; static: a one-hour token in the file"),
      server: z
        .url({ protocol: /^https?$/, error: "must be an http(s) URL" })
        .optional()
        .describe("Slipway's URL for `slipway kube-token --server` (default: NEXTAUTH_URL)"),
    })
    .extend(environmentField.shape),
  output: fileBody,
  route: { method: "POST", path: "/teams/{team}/kubeconfig", body: "query", produces: ["application/yaml"], download: true },
  async run({ ctx, input }) {
    const environment = await environmentOf(ctx, input.environment);
    const name = environment.isDefault ? `slipway-${ctx.team.slug}` : `slipway-${ctx.team.slug}-${environment.name}`;
    let user: Record<string, unknown>;
    let cluster: PlatformClient;
    let role = clusterRoleOf(ctx);
    if (input.format === "static") {
      const minted = await mintPersonKubeToken(ctx, { lifetimeSeconds: STATIC_LIFETIME_SECONDS, form: "static", environment });
      ({ cluster, role } = minted);
      user = { token: minted.token };
    } else {
      const server = input.server ?? env.NEXTAUTH_URL;
      if (!server) {
        throw new AppError("UNAVAILABLE", "Slipway does not know its own URL (NEXTAUTH_URL); ask for format=static, or pass server.");
      }
      cluster = await requireClusterFor(environment.clusterId);
      user = { exec: kubeTokenExec(ctx.team.slug, server.replace(/\/+$/, ""), environment.isDefault ? undefined : environment.name) };
    }
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
      users: [{ name: `${name}-${role}`, user }],
      contexts: [{ name, context: { cluster: name, user: `${name}-${role}`, namespace: environment.namespace } }],
      "current-context": name,
    });
    return { body: kubeconfig, contentType: "application/yaml; charset=utf-8", filename: `${name}.kubeconfig` };
  },
});

/** client-go's exec credential plugin stanza (client.authentication.k8s.io/v1). */
function kubeTokenExec(team: string, server: string, environment: string | undefined) {
  return {
    apiVersion: "client.authentication.k8s.io/v1",
    command: "slipway",
    args: ["kube-token", team, "--server", server, ...(environment ? ["--env", environment] : [])],
    interactiveMode: "Never",
    provideClusterInfo: false,
    installHint: `kubectl gets its token from the slipway CLI: install it (see Slipway's README), then run: slipway login --server ${server}`,
  };
}
