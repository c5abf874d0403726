import { db } from "@/lib/db";
import { subscribeProgress, TERMINAL } from "@/lib/deploys/progress-bus";

/** Resolves with the release once it is SUCCEEDED or FAILED (from the progress bus, checked against the row). */
export async function releaseOutcome(releaseId: string, timeoutMs = 60_000) {
  const seen: string[] = [];
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`release ${releaseId} did not finish in ${timeoutMs} ms; saw ${seen.join(" > ")}`)),
      timeoutMs,
    );
    const done = () => {
      clearTimeout(timer);
      unsubscribe();
      resolve();
    };
    const unsubscribe = subscribeProgress(releaseId, (progress) => {
      seen.push(progress.status);
      if (TERMINAL.includes(progress.status)) done();
    });
    // It may have finished before we subscribed.
    void db()
      .release.findUniqueOrThrow({ where: { id: releaseId } })
      .then((row) => TERMINAL.includes(row.status) && done());
  });
  return { release: await db().release.findUniqueOrThrow({ where: { id: releaseId } }), seen };
}
