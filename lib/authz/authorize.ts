import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import type { Actor, RequestInfo } from "./actor";
import { leastRoleFor, ROLE_LABELS, roleAllows, type TeamPermission } from "./permissions";
import type { PlatformAdminContext, TeamContext } from "./team-context";

/**
 * session -> membership -> permission. Throws NOT_FOUND for an unknown team and
 * FORBIDDEN, naming the role needed and the team's leads, when the role is not enough.
 */
export async function authorizeTeam(options: {
  actor: Actor;
  teamSlug: string;
  permission: TeamPermission;
  request?: RequestInfo;
}): Promise<TeamContext> {
  const { actor, permission } = options;
  const team = await db().team.findUnique({
    where: { slug: options.teamSlug },
    select: { id: true, slug: true, name: true, namespace: true, memberships: { where: { userId: actor.id }, select: { role: true } } },
  });
  if (!team) throw new AppError("NOT_FOUND", `Team "${options.teamSlug}" does not exist.`);
  const role: Role | null = team.memberships[0]?.role ?? null;
  await assertMay(actor, { id: team.id, name: team.name }, role, permission);
  const { memberships: _memberships, ...ref } = team;
  return { actor, team: ref, role, request: options.request ?? {} } as TeamContext;
}

/**
 * For a use-case that needs a further permission than the one its context was made
 * for (applying a spec file creates or updates, depending on what exists).
 */
export async function assertTeamPermission(ctx: TeamContext, permission: TeamPermission): Promise<void> {
  await assertMay(ctx.actor, ctx.team, ctx.role, permission);
}

async function assertMay(actor: Actor, team: { id: string; name: string }, role: Role | null, permission: TeamPermission) {
  if (actor.isPlatformAdmin || roleAllows(role, permission)) return;
  throw new AppError("FORBIDDEN", await forbiddenMessage(team.id, team.name, role, permission));
}

export function authorizePlatformAdmin(options: { actor: Actor; request?: RequestInfo }): PlatformAdminContext {
  if (!options.actor.isPlatformAdmin) {
    throw new AppError("FORBIDDEN", "Only platform admins can do this.");
  }
  return { actor: options.actor, request: options.request ?? {} } as PlatformAdminContext;
}

/** "Why can't I do this?": the role needed and whom to ask. */
export async function forbiddenMessage(teamId: string, teamName: string, role: Role | null, permission: TeamPermission) {
  const needed = ROLE_LABELS[leastRoleFor(permission)];
  const leads = await teamLeadEmails(teamId);
  const ask = leads.length > 0 ? ` Ask a lead of ${teamName}: ${leads.join(", ")}.` : "";
  const yours = role ? `You are a ${ROLE_LABELS[role]} of ${teamName}` : `You are not a member of ${teamName}`;
  return `${yours}; this needs ${needed} or above.${ask}`;
}

export async function teamLeadEmails(teamId: string): Promise<string[]> {
  const leads = await db().membership.findMany({
    where: { teamId, role: "LEAD" },
    select: { user: { select: { email: true } } },
    orderBy: { grantedAt: "asc" },
  });
  return leads.map((lead) => lead.user.email);
}
