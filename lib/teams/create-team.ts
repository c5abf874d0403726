import { db } from "@/lib/db";
import type { PlatformAdminContext } from "@/lib/authz/team-context";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { AppError } from "@/lib/errors";
import { isUniqueViolation } from "@/lib/db-errors";
import { unsafeGrantMembership } from "@/lib/members/unsafe-grant-membership";
import { namespaceForTeam, type CreateTeamInput } from "./create-team.types";
import { provisionTeamNamespace } from "./provision-team-namespace";

/**
 * Platform admins create teams. The team (and its first lead, if given) is committed
 * with its audit events; then its namespace is provisioned in the cluster, which
 * records its own success or failure (a failed provisioning can be retried).
 */
export async function createTeam(options: { ctx: PlatformAdminContext; input: CreateTeamInput }) {
  const { ctx, input } = options;
  const namespace = namespaceForTeam(input.slug);
  let team;
  try {
    team = await db().$transaction(async (tx) => {
      const created = await tx.team.create({
        data: { slug: input.slug, name: input.name, namespace, createdById: ctx.actor.id },
      });
      await recordAuditEvent({
        tx,
        actor: ctx.actor,
        action: "team.create",
        teamId: created.id,
        target: { type: "team", id: created.slug },
        data: { name: created.name, namespace },
        request: ctx.request,
      });
      if (input.leadEmail) {
        await unsafeGrantMembership({ tx, actor: ctx.actor, request: ctx.request, team: created, email: input.leadEmail, role: "LEAD" });
      }
      return created;
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError("CONFLICT", `A team with slug "${input.slug}" already exists.`, { fieldErrors: { slug: ["is taken"] } });
    }
    throw error;
  }
  const provisioning = await provisionTeamNamespace({ actor: ctx.actor, request: ctx.request, team });
  return { team, provisioning };
}
