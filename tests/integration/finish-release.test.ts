/**
 * Ending a release: its status, its audit event (attributed to whoever asked for it) and
 * its webhook deliveries are written by one statement, once; a second end of the same
 * release changes nothing and records nothing.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { finishRelease } from "@/lib/deploys/finish-release";

let teamId = "";
let appId = "";
let askerId = "";
let sequence = 0;

beforeAll(async () => {
  const team = await db().team.create({ data: { slug: "ends", name: "Ends", namespace: "team-ends" } });
  teamId = team.id;
  askerId = (await db().user.create({ data: { email: "asker@ends.test" } })).id;
  appId = (await db().app.create({ data: { teamId, name: "web", imageRepository: "registry.example.com/ends/web", containerPort: 8080 } }))
    .id;
  await db().webhook.create({
    data: { teamId, url: "https://hooks.example.com/ends", secretEncrypted: "x", events: ["deploy.failed"] },
  });
});

async function release(requestedById: string | null) {
  sequence += 1;
  return db().release.create({
    data: {
      appId,
      sequence,
      image: `registry.example.com/ends/web:${sequence}.0.0`,
      spec: {},
      status: "ROLLING_OUT",
      requestedById,
    },
  });
}

const eventsOf = (id: string) => db().auditEvent.findMany({ where: { targetType: "release", targetId: id } });
const deliveriesOf = (eventType: string) => db().webhookDelivery.findMany({ where: { eventType } });

describe("[deploys] finishing a release", () => {
  it("records the outcome and its event as the person who asked, once", async () => {
    const row = await release(askerId);
    expect(await finishRelease(row.id, { status: "SUCCEEDED", imageDigest: "sha256:abc" })).toBe(true);
    expect(await finishRelease(row.id, { status: "FAILED", error: "too late" })).toBe(false);

    const ended = await db().release.findUniqueOrThrow({ where: { id: row.id } });
    expect(ended).toMatchObject({ status: "SUCCEEDED", error: null, imageDigest: "sha256:abc" });
    expect(ended.finishedAt).toBeInstanceOf(Date);
    const events = await eventsOf(row.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: "deploy.succeeded",
      actorId: askerId,
      actorEmail: "asker@ends.test",
      teamId,
      data: { app: "web", sequence: row.sequence, image: row.image },
    });
  });

  it("a failure carries its error, and the team's webhook for it gets a delivery", async () => {
    const row = await release(askerId);
    expect(await finishRelease(row.id, { status: "FAILED", error: "ImagePullBackOff" })).toBe(true);
    const [event] = await eventsOf(row.id);
    expect(event).toMatchObject({ action: "deploy.failed", data: { app: "web", sequence: row.sequence, error: "ImagePullBackOff" } });
    const deliveries = (await deliveriesOf("deploy.failed")).filter(
      (d) => (d.payload as { data: { sequence: number } }).data.sequence === row.sequence,
    );
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]!.payload).toMatchObject({
      type: "deploy.failed",
      actor: { email: "asker@ends.test" },
      team: { slug: "ends", name: "Ends" },
      data: { app: "web", sequence: row.sequence, image: row.image, error: "ImagePullBackOff" },
    });
    // Nobody listens for successes here: none is enqueued.
    expect(await deliveriesOf("deploy.succeeded")).toHaveLength(0);
  });

  it("a release nobody asked for (its requester deleted) is recorded without an actor", async () => {
    const row = await release(null);
    expect(await finishRelease(row.id, { status: "SUCCEEDED" })).toBe(true);
    const [event] = await eventsOf(row.id);
    expect(event).toMatchObject({ action: "deploy.succeeded", actorId: null, actorEmail: null, teamId });
  });
});
