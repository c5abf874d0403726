/**
 * The only maker of contexts: session or token -> membership -> permissions. Throws
 * NOT_FOUND for an unknown team and FORBIDDEN, naming the role needed and the team's
 * leads, when the caller's role is not enough.
 */
import { cache } from "react";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import type { Actor, RequestInfo } from "./actor";
import { effectiveRole } from "./effective-role";
import { leastRoleFor, ROLE_LABELS, roleAllows, type TeamPermission } from "./permissions";
import type { AnyTeamContext, PlatformAdminContext, TeamContext, TeamRef, UserContext } from "./team-context";

/**
 * The team and the actor's membership, in one query (this runs on every team request).
 * A page reads through several use-cases, each authorized on its own: React's `cache`
 * makes that one query per page render (it only memoizes inside a server render; API
 * requests and actions read once anyway).
 */
const teamWithMembership = cache(async (slug: string, userId: string) => {
  const [row] = await db().$queryRaw<TeamWithMembership[]>`
    SELECT t.id::text, t.slug, t.name, t.namespace, m.role::text AS role, m."expiresAt", m."expiresTo"::text AS "expiresTo"
    FROM "Team" t LEFT JOIN "Membership" m ON m."teamId" = t.id AND m."userId" = ${userId}::uuid
    WHERE t.slug = ${slug}`;
  return row ?? null;
});

type TeamWithMembership = TeamRef & { role: Role | null; expiresAt: Date | null; expiresTo: Role | null };

export async function authorizeTeam<P extends TeamPermission>(options: {
  actor: Actor;
  teamSlug: string;
  permissions: readonly P[];
  request?: RequestInfo;
}): Promise<TeamContext<P>> {
  const { actor } = options;
  const team = await teamWithMembership(options.teamSlug, actor.id);
  if (!team) throw new AppError("NOT_FOUND", `Team "${options.teamSlug}" does not exist.`);
  const { role: memberRole, expiresAt, expiresTo, ...ref } = team;
  const role: Role | null = effectiveRole(memberRole ? { role: memberRole, expiresAt, expiresTo } : undefined);
  const missing = options.permissions.find((permission) => !actor.isPlatformAdmin && !roleAllows(role, permission));
  if (missing) throw new AppError("FORBIDDEN", await forbiddenMessage(team.id, team.name, role, missing));
  return { actor, team: ref, role, request: options.request ?? {} } as TeamContext<P>;
}

export function authorizeUser(options: { actor: Actor; request?: RequestInfo }): UserContext {
  return { actor: options.actor, request: options.request ?? {} } as UserContext;
}

export function authorizePlatformAdmin(options: { actor: Actor; request?: RequestInfo }): PlatformAdminContext {
  if (!options.actor.isPlatformAdmin) {
    throw new AppError("FORBIDDEN", "Only platform admins can do this.");
  }
  return { actor: options.actor, request: options.request ?? {} } as PlatformAdminContext;
}

/** Whether to offer an action in the UI. The use-case's own check runs again when it is used. */
export function may(ctx: AnyTeamContext, permissions: readonly TeamPermission[]): boolean {
  return ctx.actor.isPlatformAdmin || permissions.every((permission) => roleAllows(ctx.role, permission));
}

/**
 * The team ServiceAccount whose token a cluster call is made with: the caller's role,
 * whatever the operation, so the API server refuses what the role may not do even if
 * Slipway's own check had a bug (DESIGN.md, "two walls").
 */
export function clusterRoleOf(ctx: AnyTeamContext): "viewer" | "deployer" {
  return ctx.role === "VIEWER" ? "viewer" : "deployer";
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
    where: { teamId, role: "LEAD", OR: [{ expiresAt: null }, { expiresAt: { gt: new Date() } }] },
    select: { user: { select: { email: true } } },
    orderBy: { grantedAt: "asc" },
  });
  return leads.map((lead) => lead.user.email);
}
