import { z } from "zod";
import { environmentField } from "@/lib/environments/environment.types";
import { environmentOf } from "@/lib/environments/team-environments";
import { teamUseCase } from "@/lib/usecase/define";
import { dateTime } from "@/lib/validation/wire";
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
  summary:
    "A short-lived Kubernetes token for your own ServiceAccount in the environment's namespace (default: the team's first environment; for `slipway kube-token`)",
  permissions: ["kubeconfig.issue"],
  input: environmentField,
  output: z.object({ token: z.string(), expiresAt: dateTime, namespace: z.string(), role: z.enum(["viewer", "deployer"]) }),
  route: { method: "POST", path: "/teams/{team}/kube-token" },
  async run({ ctx, input }) {
    const environment = await environmentOf(ctx, input.environment);
    const { token, expiresAt, role } = await mintPersonKubeToken(ctx, {
      lifetimeSeconds: KUBE_TOKEN_SECONDS,
      form: "exec-token",
      environment,
    });
    return { token, expiresAt, namespace: environment.namespace, role };
  },
});
