/**
 * A release superseded while its rollout is watched here stops taking a place in the
 * worker (lib/engine/release-queue.ts, stop; lib/deploys/apply-in-turn.ts): in a run of
 * 60 deploys across 20 apps, superseded watches filled all 50 places and new deploys
 * waited 0.1-3 s for one.
 */
import { expect, it } from "vitest";
import { db } from "@/lib/db";
import { startReleaseWorker } from "@/lib/engine/release-queue";
import { teamWithApp } from "../helpers/engine-fixtures";

it("[engine] stop ends a release's run here, and the place it held goes to the next release", async () => {
  const { user, app } = await teamWithApp("stop");
  const created = (sequence: number) =>
    db().release.create({
      data: { appId: app.id, sequence, image: `registry.example.com/web:${sequence}`, spec: {}, requestedById: user.id },
    });
  const watched = await created(1);
  const started: string[] = [];
  const ended: string[] = [];
  const worker = startReleaseWorker({
    concurrency: 1,
    run: async (releaseId, run) => {
      started.push(releaseId);
      run.enterPhase("watch");
      // A watch that would go on until its rollout is over; here, until stopped.
      await new Promise<void>((resolve) => run.signal.addEventListener("abort", () => resolve()));
      ended.push(releaseId);
    },
  });
  const until = async (check: () => boolean) => {
    for (const deadline = Date.now() + 5_000; !check();) {
      if (Date.now() > deadline) throw new Error("timed out");
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  await until(() => started.includes(watched.id));
  // The one place is taken: a newer release waits.
  const next = await created(2);
  worker.wake();
  await new Promise((resolve) => setTimeout(resolve, 200));
  expect(started).toEqual([watched.id]);

  worker.stop("00000000-0000-4000-8000-000000000000"); // not running here: nothing happens
  expect(worker.running()).toBe(1);
  worker.stop(watched.id);
  await until(() => started.includes(next.id));
  expect(ended).toEqual([watched.id]);
  await worker.drain(1_000);
});
