import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";

/**
 * Role changes and removals in one team take turns (the team row is their lock), so
 * each sees the others' outcome before checking for the last lead. Take it before
 * reading any membership. No access check: callers have one.
 */
export async function unsafeLockTeam(tx: Tx, teamId: string) {
  await tx.$queryRaw`SELECT id FROM "Team" WHERE id = ${teamId}::uuid FOR NO KEY UPDATE`;
}

/**
 * Refuses to take away the team's last lead (under unsafeLockTeam). A lead whose grant
 * expires does not count: when it ends, the team would have no lead at all.
 */
export async function unsafeEnsureAnotherLead(tx: Tx, team: { id: string; name: string }, losingLeadUserId: string) {
  const otherLeads = await tx.membership.findMany({
    where: { teamId: team.id, role: "LEAD", userId: { not: losingLeadUserId } },
    select: { expiresAt: true, expiresTo: true },
  });
  if (otherLeads.length === 0) {
    throw new AppError("CONFLICT", `This is the last lead of ${team.name}. Make someone else a lead first.`);
  }
  if (!otherLeads.some((lead) => lead.expiresAt === null || lead.expiresTo === "LEAD")) {
    throw new AppError(
      "CONFLICT",
      `This is the last lead of ${team.name} for good: the other leads' access expires. Make someone a lead without an end date first.`,
    );
  }
}

export async function unsafeFindMembership(tx: Tx, teamId: string, userId: string) {
  const membership = await tx.membership.findUnique({
    where: { teamId_userId: { teamId, userId } },
    include: { user: { select: { email: true } } },
  });
  if (!membership) throw new AppError("NOT_FOUND", "That person is not a member of this team.");
  return membership;
}
