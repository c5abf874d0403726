import { db } from "@/lib/db";
import type { PlatformAdminContext } from "@/lib/authz/team-context";
import { AppError } from "@/lib/errors";
import { provisionTeamNamespace } from "./provision-team-namespace";

/**
 * Provisions an existing team's namespace again (idempotent): after a failed or
 * skipped first attempt, or to restore what someone changed by hand. Platform admins.
 */
export async function reprovisionTeam(options: { ctx: PlatformAdminContext; slug: string }) {
  const team = await db().team.findUnique({ where: { slug: options.slug }, select: { id: true, slug: true, namespace: true } });
  if (!team) throw new AppError("NOT_FOUND", `Team "${options.slug}" does not exist.`);
  return provisionTeamNamespace({ actor: options.ctx.actor, request: options.ctx.request, team });
}
