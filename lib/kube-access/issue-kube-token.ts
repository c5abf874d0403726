import { z } from "zod";
import { teamUseCase } from "@/lib/usecase/define";
import { dateTime, noInput } from "@/lib/validation/wire";
import { mintPersonKubeToken } from "./mint-person-kube-token";

/** The shortest lifetime the TokenRequest API grants. kubectl asks again when it nears its end. */
export const KUBE_TOKEN_SECONDS = 10 * 60;

/**
 * What kubectl's exec credential plugin (`slipway kube-token TEAM`) asks for: a
 * ten-minute token of the person's own ServiceAccount, so a kubeconfig keeps working
 * while they are a member and stops when they are not, with nothing to download again.
 */
export const issueKubeToken = teamUseCase({
  name: "issueKubeToken",
  summary: "A short-lived Kubernetes token for your own ServiceAccount in the team namespace (for `slipway kube-token`)",
  permissions: ["kubeconfig.issue"],
  input: noInput,
  output: z.object({ token: z.string(), expiresAt: dateTime, namespace: z.string(), role: z.enum(["viewer", "deployer"]) }),
  route: { method: "POST", path: "/teams/{team}/kube-token" },
  async run({ ctx }) {
    const { token, expiresAt, role } = await mintPersonKubeToken(ctx, { lifetimeSeconds: KUBE_TOKEN_SECONDS, form: "exec-token" });
    return { token, expiresAt, namespace: ctx.team.namespace, role };
  },
});
