import type { TeamContext } from "@/lib/authz/team-context";
import { teamLeadEmails } from "@/lib/authz/authorize";

/** The team as the caller sees it: their role and whom to ask for more. */
export async function getTeam(options: { ctx: TeamContext }) {
  const { ctx } = options;
  return { ...ctx.team, role: ctx.role, leads: await teamLeadEmails(ctx.team.id) };
}
