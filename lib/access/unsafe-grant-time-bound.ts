import type { Tx } from "@/lib/db";
import { effectiveRole } from "@/lib/authz/effective-role";
import { ROLE_LABELS } from "@/lib/authz/permissions";
import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { roleRank } from "./access-request.types";

/**
 * Gives `role` to a person until `until` (null: for good), remembering what they go back
 * to: the permanent role they held before (kept across successive temporary grants), or
 * nothing. Refuses to lower a permanent role. Under the team's lock; no access check:
 * callers have one.
 */
export async function unsafeGrantTimeBound(
  tx: Tx,
  options: { team: { id: string; name: string }; userId: string; email: string; role: Role; until: Date | null; grantedById: string },
): Promise<{ previous: Role | null; changed: boolean }> {
  const { team, userId, role, until } = options;
  const existing = await tx.membership.findUnique({
    where: { teamId_userId: { teamId: team.id, userId } },
    select: { id: true, role: true, expiresAt: true, expiresTo: true },
  });
  const data = { role, grantedById: options.grantedById, grantedAt: new Date() };
  if (!existing) {
    await tx.membership.create({ data: { ...data, teamId: team.id, userId, expiresAt: until, expiresTo: null } });
    return { previous: null, changed: true };
  }
  const current = effectiveRole(existing);
  // What they hold for good: the role itself, or what a temporary grant returns to.
  const permanent = existing.expiresAt ? existing.expiresTo : existing.role;
  if (permanent && roleRank(permanent) >= roleRank(role)) {
    throw new AppError("CONFLICT", `${options.email} is already a ${ROLE_LABELS[permanent]} of ${team.name}; deny the request instead.`);
  }
  await tx.membership.update({
    where: { id: existing.id },
    data: { ...data, expiresAt: until, expiresTo: until ? permanent : null },
  });
  return { previous: current, changed: current !== role };
}
