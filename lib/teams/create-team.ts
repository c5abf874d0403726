import { db } from "@/lib/db";
import { recordActorEvent } from "@/lib/audit/audit-events";
import { AppError } from "@/lib/errors";
import { isUniqueViolation } from "@/lib/db-errors";
import { unsafeGrantMembership } from "@/lib/members/unsafe-grant-membership";
import { adminUseCase } from "@/lib/usecase/define";
import { createdTeam, createTeamInput, namespaceForTeam } from "./team.types";
import { provisionTeamNamespace } from "./provision-team-namespace";
import { FIRST_ENVIRONMENT_NAME } from "@/lib/environments/team-environments";

/**
 * Platform admins create teams. The team (and its first lead, if given) is committed
 * with its audit events; then its namespace is provisioned in the cluster, which
 * records its own success or failure (a failed provisioning can be retried).
 */
export const createTeam = adminUseCase({
  name: "createTeam",
  summary: "Create a team (platform admins), optionally with its first lead; its namespace is provisioned",
  input: createTeamInput,
  output: createdTeam,
  route: { method: "POST", path: "/teams", status: 201 },
  async run({ ctx, input }) {
    const namespace = namespaceForTeam(input.slug);
    let team;
    try {
      team = await db().$transaction(async (tx) => {
        const created = await tx.team.create({
          data: { slug: input.slug, name: input.name, namespace, createdById: ctx.actor.id },
        });
        // Its first environment, the default: the team's namespace on the default cluster.
        await tx.environment.create({ data: { teamId: created.id, name: FIRST_ENVIRONMENT_NAME, namespace, createdById: ctx.actor.id } });
        // team.create comes before the first lead's grant so the log reads in order; the
        // chain lock is then held across that grant's two inserts, which take no other lock.
        await recordActorEvent(tx, ctx, "team.create", {
          teamId: created.id,
          target: { type: "team", id: created.slug },
          data: { name: created.name, namespace },
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
  },
});
