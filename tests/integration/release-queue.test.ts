/**
 * The release queue's claim on both databases (PostgreSQL and the single-connection
 * PGlite): each in-flight release goes to exactly one worker, a live claim is left
 * alone, an expired one is taken over, and ended releases are never claimed.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { claimNextRelease } from "@/lib/engine/release-queue";

let appId: string;
let userId: string;

beforeAll(async () => {
  const user = await db().user.create({ data: { email: "queue@example.com" } });
  userId = user.id;
  const team = await db().team.create({ data: { slug: "queue", name: "Queue", namespace: "team-queue" } });
  const app = await db().app.create({
    data: {
      teamId: team.id,
      name: "web",
      imageRepository: "registry.example.com/web",
      containerPort: 8080,
      replicas: 1,
      env: [],
      resources: {},
    },
  });
  appId = app.id;
});

async function release(sequence: number, data: Record<string, unknown> = {}) {
  return db().release.create({
    data: { appId, sequence, image: `registry.example.com/web:${sequence}`, spec: {}, requestedById: userId, ...data },
  });
}

describe("[engine] release queue claims", () => {
  it("gives each in-flight release to exactly one of many concurrent claimers, oldest first", async () => {
    const created = [await release(1), await release(2), await release(3, { status: "ROLLING_OUT", generation: 1 })];
    await release(4, { status: "SUCCEEDED" });
    const claims = await Promise.all(Array.from({ length: 8 }, (_, i) => claimNextRelease(`worker-${i}`, [])));
    const won = claims.filter((id): id is string => id !== null);
    expect(won.sort()).toEqual(created.map((r) => r.id).sort());
    const rows = await db().release.findMany({ where: { id: { in: won } } });
    expect(new Set(rows.map((r) => r.claimedBy)).size).toBe(3);
    expect(await claimNextRelease("late", [])).toBeNull();
  });

  it("takes over a release whose claim expired, and skips the ones running here", async () => {
    const stale = await release(5, { claimedBy: "dead-replica", claimExpiresAt: new Date(Date.now() - 1000) });
    const fresh = await release(6, { claimedBy: "live-replica", claimExpiresAt: new Date(Date.now() + 60_000) });
    expect(await claimNextRelease("survivor", [stale.id])).toBeNull();
    expect(await claimNextRelease("survivor", [])).toBe(stale.id);
    expect((await db().release.findUniqueOrThrow({ where: { id: fresh.id } })).claimedBy).toBe("live-replica");
  });
});
