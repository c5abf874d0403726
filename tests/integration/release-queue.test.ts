/**
 * The release queue's claim on both databases (PostgreSQL and the single-connection
 * PGlite): each in-flight release goes to exactly one worker, a live claim is left
 * alone, an expired one is taken over, and ended releases are never claimed.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { claimNextRelease } from "@/lib/engine/release-queue";
import { teamWithApp } from "../helpers/engine-fixtures";

let appId: string;
let userId: string;

beforeAll(async () => {
  const { user, app } = await teamWithApp("queue");
  userId = user.id;
  appId = app.id;
});

async function otherApp(name: string) {
  const { teamId } = await db().app.findUniqueOrThrow({ where: { id: appId } });
  const app = await db().app.create({
    data: { teamId, name, imageRepository: `registry.example.com/${name}`, containerPort: 8080, replicas: 1, env: [], resources: {} },
  });
  return app.id;
}

async function release(sequence: number, data: Record<string, unknown> = {}, app = appId) {
  return db().release.create({
    data: { appId: app, sequence, image: `registry.example.com/web:${sequence}`, spec: {}, requestedById: userId, ...data },
  });
}

describe("[engine] release queue claims", () => {
  it("gives each in-flight release to exactly one of many concurrent claimers, oldest first", async () => {
    // One app each: a release with a newer one of its app still to apply waits (next test).
    const [api, worker] = await Promise.all(["api", "worker"].map((name) => otherApp(name)));
    const created = [
      await release(1),
      await release(1, { status: "APPLYING" }, api),
      await release(1, { status: "ROLLING_OUT", generation: 1 }, worker),
    ];
    await release(2, { status: "SUCCEEDED" }, worker);
    const claims = await Promise.all(Array.from({ length: 8 }, (_, i) => claimNextRelease(`worker-${i}`, [])));
    const won = claims.filter((id): id is string => id !== null);
    expect(won.sort()).toEqual(created.map((r) => r.id).sort());
    const rows = await db().release.findMany({ where: { id: { in: won } } });
    expect(new Set(rows.map((r) => r.claimedBy)).size).toBe(3);
    expect(await claimNextRelease("late", [])).toBeNull();
    await db().release.updateMany({ where: { id: { in: won } }, data: { status: "SUCCEEDED" } });
  });

  it("leaves a release alone while a newer one of its app is still to be applied, and takes it if that one ends unapplied", async () => {
    const older = await release(11);
    const newer = await release(12);
    // The newer one's apply supersedes the older: one worker, one apply for the burst.
    expect(await claimNextRelease("worker-a", [])).toBe(newer.id);
    expect(await claimNextRelease("worker-b", [])).toBeNull();
    // The newer one failed before it reached the cluster: the older one is next.
    await db().release.update({ where: { id: newer.id }, data: { status: "FAILED" } });
    expect(await claimNextRelease("worker-b", [])).toBe(older.id);
    await db().release.update({ where: { id: older.id }, data: { status: "SUCCEEDED" } });
  });

  it("takes over a release whose claim expired, and skips the ones running here", async () => {
    const stale = await release(15, { claimedBy: "dead-replica", claimExpiresAt: new Date(Date.now() - 1000) });
    const fresh = await release(16, {
      status: "ROLLING_OUT",
      generation: 16,
      claimedBy: "live-replica",
      claimExpiresAt: new Date(Date.now() + 60_000),
    });
    expect(await claimNextRelease("survivor", [stale.id])).toBeNull();
    expect(await claimNextRelease("survivor", [])).toBe(stale.id);
    expect((await db().release.findUniqueOrThrow({ where: { id: fresh.id } })).claimedBy).toBe("live-replica");
  });
});
