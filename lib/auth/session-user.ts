/**
 * The one check a session cookie passes on every request: the JWT only says who signed
 * in and which session version they got; the User row says whether that still holds.
 * Sign-out, a change of admin rights and disabling bump User.sessionVersion, so every
 * older cookie stops working at once instead of living out its 12 hours.
 */
import { db } from "@/lib/db";

export type SessionUser = { id: string; email: string; name: string | null; isPlatformAdmin: boolean };

export async function userForSession(userId: string | undefined, sessionVersion: unknown): Promise<SessionUser | null> {
  if (!userId || typeof sessionVersion !== "number") return null;
  const row = await db().user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, name: true, isPlatformAdmin: true, sessionVersion: true, disabledAt: true },
  });
  if (!row || row.disabledAt || row.sessionVersion !== sessionVersion) return null;
  return { id: row.id, email: row.email, name: row.name, isPlatformAdmin: row.isPlatformAdmin };
}

/** Ends every session of the person (sign-out, admin rights changed, disabled). */
export async function endSessions(userId: string): Promise<void> {
  await db().user.updateMany({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
}
