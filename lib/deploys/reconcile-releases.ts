import { db } from "@/lib/db";
import { startRelease } from "./run-release";

/**
 * On start-up: no release may stay PENDING, APPLYING or ROLLING_OUT forever. Each is
 * run again from where it stopped (apply is idempotent; a ROLLING_OUT release resumes
 * its watch), and so ends SUCCEEDED or FAILED with the reason.
 */
export async function reconcileReleases(): Promise<number> {
  const inFlight = await db().release.findMany({
    where: { status: { in: ["PENDING", "APPLYING", "ROLLING_OUT"] } },
    orderBy: { createdAt: "asc" },
    select: { id: true },
  });
  for (const { id } of inFlight) startRelease(id);
  return inFlight.length;
}
