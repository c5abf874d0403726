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
