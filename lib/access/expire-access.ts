/**
 * The leader's sweep (every 15 s, lib/platform-engine.ts): time-bound grants whose
 * expiry has passed return to what they were (or end), and pending requests nobody
 * answered expire. Authorization already treats an expired grant as ended
 * (lib/authz/effective-role.ts); this makes it so in the table, revokes the person's
 * kubectl access, and records it with no actor: nobody revoked it, it expired.
 *
 * Each row is handled in its own short transaction that re-reads it FOR UPDATE SKIP
 * LOCKED with the expiry condition, so two replicas (a leader overlapping the next)
 * never handle one twice, and a grant renewed meanwhile is left alone. The kubectl
 * account is deleted before that transaction (no lock across a cluster call); a token
 * minted in between is refused by its own re-check (lib/kube-access/confirm-kube-access.ts).
 */
import { db } from "@/lib/db";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Role } from "@/lib/generated/prisma/enums";
import { recordExpiredKubeRevoke, unsafeRevokeExpiredKubeAccess } from "@/lib/kube-access/revoke-kube-access";
import { logger } from "@/lib/observability/logger";

const BATCH = 100;

export async function expireAccess(now: Date = new Date()): Promise<{ memberships: number; requests: number }> {
  const memberships = await expireMemberships(now);
  const requests = await expirePendingRequests(now);
  if (memberships + requests > 0) logger.info({ memberships, requests }, "access expired");
  return { memberships, requests };
}

async function expireMemberships(now: Date): Promise<number> {
  const due = await db().membership.findMany({
    where: { expiresAt: { lte: now } },
    select: { id: true, userId: true, teamId: true, team: { select: { id: true, namespace: true } } },
    orderBy: { expiresAt: "asc" },
    take: BATCH,
  });
  let done = 0;
  for (const membership of due) {
    const kube = await unsafeRevokeExpiredKubeAccess({ team: membership.team, userId: membership.userId });
    const expired = await db().$transaction(async (tx) => {
      const rows = await tx.$queryRaw<{ role: Role; expiresTo: Role | null; email: string }[]>`
        SELECT m.role, m."expiresTo", u.email FROM "Membership" m JOIN "User" u ON u.id = m."userId"
        WHERE m.id = ${membership.id}::uuid AND m."expiresAt" <= ${now}
        FOR UPDATE OF m SKIP LOCKED`;
      const row = rows[0];
      if (!row) return false; // another replica has it, or it was renewed or removed
      if (row.expiresTo) {
        await tx.membership.update({ where: { id: membership.id }, data: { role: row.expiresTo, expiresAt: null, expiresTo: null } });
      } else {
        await tx.membership.delete({ where: { id: membership.id } });
      }
      await recordAuditEvent({
        tx,
        actor: null,
        action: "membership.expire",
        teamId: membership.teamId,
        target: { type: "user", id: membership.userId },
        data: { email: row.email, role: row.role, to: row.expiresTo },
      });
      for (const data of kube) await recordExpiredKubeRevoke(tx, { teamId: membership.teamId, userId: membership.userId, data });
      return true;
    });
    if (expired) done += 1;
  }
  return done;
}

async function expirePendingRequests(now: Date): Promise<number> {
  const due = await db().accessRequest.findMany({
    where: { status: "PENDING", expiresAt: { lte: now } },
    select: { id: true, teamId: true, role: true, requester: { select: { id: true, email: true } } },
    take: BATCH,
  });
  let done = 0;
  for (const request of due) {
    const expired = await db().$transaction(async (tx) => {
      const { count } = await tx.accessRequest.updateMany({ where: { id: request.id, status: "PENDING" }, data: { status: "EXPIRED" } });
      if (count === 0) return false;
      await recordAuditEvent({
        tx,
        actor: null,
        action: "access.request.expire",
        teamId: request.teamId,
        target: { type: "user", id: request.requester.id },
        data: { requestId: request.id, email: request.requester.email, role: request.role },
      });
      return true;
    });
    if (expired) done += 1;
  }
  return done;
}
