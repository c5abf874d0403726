import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { adminUseCase } from "@/lib/usecase/define";
import { provisionTeamNamespace } from "./provision-team-namespace";
import { provisioningOutcome } from "./team.types";

/**
 * Provisions an existing team's namespace again (idempotent): after a failed or
 * skipped first attempt, or to restore what someone changed by hand. Platform admins.
 */
export const reprovisionTeam = adminUseCase({
  name: "reprovisionTeam",
  summary: "Provision the team's namespace again (platform admins); the outcome is audited",
  input: z.object({ team: z.string() }),
  output: provisioningOutcome,
  route: { method: "POST", path: "/teams/{team}/provision" },
  async run({ ctx, input }) {
    const team = await db().team.findUnique({ where: { slug: input.team }, select: { id: true, slug: true, namespace: true } });
    if (!team) throw new AppError("NOT_FOUND", `Team "${input.team}" does not exist.`);
    return provisionTeamNamespace({ actor: ctx.actor, request: ctx.request, team });
  },
});
