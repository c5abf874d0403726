/**
 * Platform admins come from configuration (SLIPWAY_ADMIN_EMAILS, SLIPWAY_ADMIN_GROUPS
 * against the groups each person had at their last sign-in). Sign-in re-evaluates one
 * person; this re-evaluates everyone when a replica starts, which is when a changed
 * configuration takes effect, so someone taken off the list loses admin rights at their
 * next request, through a session or an API token alike, without signing in again.
 * Each change is audited (actor: none, the configuration did it) and ends the person's
 * sessions. Idempotent: replicas starting together find nothing left to change.
 */
import { z } from "zod";
import type { Db } from "@/lib/db";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { adminConfigFromEnv, isPlatformAdmin, type AdminConfig } from "@/lib/auth/platform-admin";

const groupList = z.array(z.string()).catch([]);

export async function reconcilePlatformAdmins(options: {
  db: Db;
  admins?: AdminConfig;
}): Promise<{ granted: string[]; revoked: string[] }> {
  const config = options.admins ?? adminConfigFromEnv();
  const users = await options.db.user.findMany({ select: { id: true, email: true, groups: true, isPlatformAdmin: true } });
  const changes = users.filter(
    (user) => isPlatformAdmin({ email: user.email, groups: groupList.parse(user.groups) }, config) !== user.isPlatformAdmin,
  );
  const outcome = { granted: [] as string[], revoked: [] as string[] };
  for (const user of changes) {
    const admin = !user.isPlatformAdmin;
    await options.db.$transaction(async (tx) => {
      const updated = await tx.user.updateMany({
        where: { id: user.id, isPlatformAdmin: user.isPlatformAdmin },
        data: { isPlatformAdmin: admin, sessionVersion: { increment: 1 } },
      });
      if (updated.count === 0) return; // another replica got there first
      await recordAuditEvent({
        tx,
        actor: null,
        action: "user.admin",
        target: { type: "user", id: user.id },
        data: { email: user.email, admin, reason: "configuration" },
      });
      (admin ? outcome.granted : outcome.revoked).push(user.email);
    });
  }
  return outcome;
}
