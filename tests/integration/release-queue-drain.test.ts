/**
 * Shutdown hands every claim over (lib/engine/release-queue.ts, drain): a rollout watch
 * stops at once and leaves the worker before the applies have finished, and its claim
 * must still be released, or another replica waits SLIPWAY_CLAIM_SECONDS to resume it.
 */
import { expect, it } from "vitest";
import { db } from "@/lib/db";
import { startReleaseWorker } from "@/lib/engine/release-queue";

it("[engine] drain releases the claim of a watch that stopped before the applies finished", async () => {
  const user = await db().user.create({ data: { email: "drain@example.com" } });
  const team = await db().team.create({ data: { slug: "drain", name: "Drain", namespace: "team-drain" } });
  const apps = await Promise.all(
    ["watched", "applying"].map((name) =>
      db().app.create({
        data: {
          teamId: team.id,
          name,
          imageRepository: `registry.example.com/${name}`,
          containerPort: 8080,
          replicas: 1,
          env: [],
          resources: {},
        },
      }),
    ),
  );
  const [watched, applying] = await Promise.all(
    apps.map((app, i) =>
      db().release.create({
        data: {
          appId: app.id,
          sequence: 1,
          image: "registry.example.com/x:1",
          spec: {},
          requestedById: user.id,
          ...(i === 0 ? { status: "ROLLING_OUT", generation: 1 } : {}),
        },
      }),
    ),
  );
  let finishApply!: () => void;
  const started = new Set<string>();
  const worker = startReleaseWorker({
    concurrency: 5,
    run: async (releaseId, run) => {
      started.add(releaseId);
      if (releaseId === watched!.id) run.enterPhase("watch");
      // The watch ends when aborted; the apply ends when the test lets it.
      await new Promise<void>((resolve) => {
        run.signal.addEventListener("abort", () => resolve());
        if (releaseId === applying!.id) finishApply = resolve;
      });
    },
  });
  while (started.size < 2) await new Promise((resolve) => setTimeout(resolve, 20));
  const draining = worker.drain(5_000);
  // The watch has stopped and left; the apply is still going.
  await new Promise((resolve) => setTimeout(resolve, 200));
  finishApply();
  await draining;
  // A drained worker claims nothing more, even woken (a run's end wakes it) without a process shutdown:
  // it once took the handed-over releases straight back. Nothing to wait for, so a short bounded wait.
  worker.wake();
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(worker.running()).toBe(0);
  const rows = await db().$queryRaw<{ id: string; held: boolean }[]>`
    SELECT id::text, "claimExpiresAt" > now() AS held FROM "Release" WHERE id IN (${watched!.id}::uuid, ${applying!.id}::uuid)`;
  expect(rows.map((row) => row.held)).toEqual([false, false]);
});
