import { db } from "@/lib/db";
import { announceRelease } from "@/lib/engine/release-queue";

/**
 * No release may stay in flight forever. Every in-flight release is claimed by the
 * replica running it and the claim is renewed while it runs; one whose claim is free
 * (never taken, or expired because its replica died) is picked up by any replica's
 * queue worker, which starts it over from its recorded state. This sweep, run by the
 * leader every few seconds (lib/engine/start-engine.ts), finds such releases and wakes
 * the workers of every replica. Returns how many it found.
 */
export async function reconcileReleases(): Promise<number> {
  const [row] = await db().$queryRaw<{ free: number }[]>`
    SELECT count(*)::int AS free FROM "Release"
    WHERE status IN ('PENDING', 'APPLYING', 'ROLLING_OUT') AND ("claimExpiresAt" IS NULL OR "claimExpiresAt" < now())`;
  const free = row?.free ?? 0;
  if (free > 0) announceRelease("*");
  return free;
}
