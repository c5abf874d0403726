import type { Tx } from "@/lib/db";
import type { Actor, RequestInfo } from "@/lib/authz/actor";
import { recordActorEvent } from "@/lib/audit/audit-events";
import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";

/**
 * Grants `role` in a team to the person with `email`, inside the caller's transaction.
 * Someone who has never signed in gets a pending user (no issuer/subject) that their
 * first sign-in claims, so the grant applies then. No access check: callers have one.
 */
export async function unsafeGrantMembership(options: {
  tx: Tx;
  actor: Actor;
  request: RequestInfo;
  team: { id: string; name: string };
  email: string;
  role: Role;
  /** A time-bound grant ends then (the person leaves the team); absent: for good. */
  expiresAt?: Date | null;
}) {
  const { tx, team, email, role } = options;
  // upsert: two grants to the same new person at once must not collide on the email.
  const user = await tx.user.upsert({ where: { email }, update: {}, create: { email } });
  const existing = await tx.membership.findUnique({ where: { teamId_userId: { teamId: team.id, userId: user.id } } });
  if (existing) {
    throw new AppError("CONFLICT", `${email} is already a ${existing.role.toLowerCase()} of ${team.name}; change their role instead.`, {
      fieldErrors: { email: ["is already a member"] },
    });
  }
  const membership = await tx.membership.create({
    data: { teamId: team.id, userId: user.id, role, grantedById: options.actor.id, expiresAt: options.expiresAt ?? null },
  });
  const pending = user.subject === null;
  await recordActorEvent(tx, options, "membership.grant", {
    teamId: team.id,
    target: { type: "user", id: user.id },
    data: { email, role, pending, ...(options.expiresAt ? { expiresAt: options.expiresAt.toISOString() } : {}) },
  });
  return { membership, user, pending };
}
