/**
 * The second look that makes revocation win every race. A kubeconfig request checks
 * the person's role, then (outside any transaction) applies their ServiceAccount and
 * mints a token; a lead may remove them or change their role in between, and the
 * removal's delete of the account may come before this request's apply re-creates it.
 * So after minting, the request reads the membership again, FOR SHARE, in the
 * transaction that audits the issue:
 * - still the same role: the account was applied before this read, hence before the
 *   removal committed, hence before the removal deletes the account (which revokes the
 *   token); the share lock makes the removal wait, so `kubeconfig.issue` comes before
 *   `membership.revoke` in the chain;
 * - gone or changed: the caller deletes the account it may have re-created and refuses.
 * No lock is held across a cluster call. Lock order: Membership, then the audit chain's
 * (Team, User FOR KEY SHARE, advisory lock), which never waits for a removal holding Team.
 */
import type { Tx } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import type { AnyTeamContext } from "@/lib/authz/team-context";
import { effectiveRole } from "@/lib/authz/effective-role";

/** Whether the role the context was checked with still holds; locks the membership row until COMMIT. */
export async function unsafeStillHasRole(tx: Tx, ctx: AnyTeamContext): Promise<boolean> {
  const rows = await tx.$queryRaw<{ role: Role; expiresAt: Date | null; expiresTo: Role | null }[]>`
    SELECT role, "expiresAt", "expiresTo" FROM "Membership"
    WHERE "teamId" = ${ctx.team.id}::uuid AND "userId" = ${ctx.actor.id}::uuid FOR SHARE`;
  // A grant past its expiry counts as what it expires to, even before the sweep ran.
  const current = effectiveRole(rows[0]);
  // A platform admin who is not a member acts with the deployer's rights; becoming a
  // member since changes what they should get, so that is a change too.
  return current === ctx.role;
}

export function accessChangedMessage(teamName: string): string {
  return `Your access to ${teamName} changed while the kubeconfig was being made (you were removed or your role changed), so none was issued. Ask again if you still have access.`;
}
