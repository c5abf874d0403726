import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { isRunningHere, startRelease } from "./run-release";

/**
 * No release may stay PENDING or ROLLING_OUT forever. At start-up every release in
 * flight is run again from where it stopped (a PENDING one is applied, idempotently;
 * a ROLLING_OUT one resumes its watch). After that, a sweep every minute picks up
 * releases older than any runner would take (deadline + 2 minutes) that nobody in
 * this process is running: their runner died or could not record the end.
 */
export async function reconcileReleases(options: { olderThan?: Date } = {}): Promise<number> {
  const inFlight = await db().release.findMany({
    where: {
      status: { in: ["PENDING", "APPLYING", "ROLLING_OUT"] },
      ...(options.olderThan ? { createdAt: { lt: options.olderThan } } : {}),
    },
    orderBy: { createdAt: "asc" },
    select: { id: true },
  });
  const orphans = inFlight.filter(({ id }) => !isRunningHere(id));
  for (const { id } of orphans) startRelease(id);
  return orphans.length;
}

export function startReconciler(): void {
  const sweep = () => {
    const olderThan = new Date(Date.now() - (env.SLIPWAY_PROGRESS_DEADLINE_SECONDS + 120) * 1000);
    reconcileReleases({ olderThan }).catch((error) => console.error("reconciler: sweep failed", error));
  };
  setInterval(sweep, 60_000).unref();
}
