import { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";

/**
 * A time-bound grant counts as what it expires to from its expiry on, whether or not the
 * expiry sweep (lib/access/expire-memberships.ts) has run yet: access ends on time.
 */
export function effectiveRole(
  membership: { role: Role; expiresAt: Date | null; expiresTo: Role | null } | undefined,
  now: Date = new Date(),
): Role | null {
  if (!membership) return null;
  if (membership.expiresAt && membership.expiresAt <= now) return membership.expiresTo;
  return membership.role;
}

/** The same rule for lists read from the database: the memberships that still give a role (not expired, or expired to an earlier one). */
export function givesARole(now: Date = new Date()): Prisma.MembershipWhereInput {
  return { OR: [{ expiresAt: null }, { expiresAt: { gt: now } }, { expiresTo: { not: null } }] };
}

/** A membership as it stands at `now`: an expired grant shows as the role it returned to, for good. */
export function membershipNow<M extends { role: Role; expiresAt: Date | null; expiresTo: Role | null }>(
  membership: M,
  now: Date = new Date(),
): M {
  if (!membership.expiresAt || membership.expiresAt > now || !membership.expiresTo) return membership;
  return { ...membership, role: membership.expiresTo, expiresAt: null, expiresTo: null };
}

/** `givesARole` for the membership row `m` of a raw query. */
export const memberGivesARole = Prisma.sql`(m."expiresAt" IS NULL OR m."expiresAt" > now() OR m."expiresTo" IS NOT NULL)`;
