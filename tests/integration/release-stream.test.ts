/**
 * A browser that connects to a release's event stream late (a reload, a second tab)
 * gets the rollout counts at once, from the row, not only at the next change; and the
 * outcome carries the last counts, so a stream that missed them still ends on them.
 */
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { authorizeTeam } from "@/lib/authz/authorize";
import { streamReleaseEvents } from "@/lib/deploys/stream-release-events";
import { finishRelease } from "@/lib/deploys/finish-release";

function progressEvents(body: ReadableStream<Uint8Array>) {
  const reader = body.getReader();
  let buffered = "";
  return async (): Promise<Record<string, unknown>> => {
    for (;;) {
      const match = buffered.match(/event: progress\ndata: (.*)\n\n/);
      if (match) {
        buffered = buffered.slice(match.index! + match[0].length);
        return JSON.parse(match[1]!) as Record<string, unknown>;
      }
      const { value, done } = await reader.read();
      if (done) throw new Error("the stream ended");
      buffered += new TextDecoder().decode(value);
    }
  };
}

async function firstEvent(body: ReadableStream<Uint8Array>): Promise<Record<string, unknown>> {
  const reader = body.getReader();
  const { value } = await reader.read();
  await reader.cancel();
  const text = new TextDecoder().decode(value);
  const data = text.match(/^event: progress\ndata: (.*)$/m)?.[1];
  return JSON.parse(data ?? "null") as Record<string, unknown>;
}

describe("streamReleaseEvents", () => {
  it("sends the stored counts of a rollout in progress first", async () => {
    const user = await db().user.create({ data: { email: "late@stream.test", name: "Late Browser" } });
    const team = await db().team.create({ data: { slug: "stream", name: "Stream", namespace: "team-stream" } });
    await db().membership.create({ data: { teamId: team.id, userId: user.id, role: "VIEWER" } });
    const app = await db().app.create({
      data: { teamId: team.id, name: "big", imageRepository: "registry.example.com/big", containerPort: 80, replicas: 20 },
    });
    await db().release.create({
      data: {
        appId: app.id,
        sequence: 1,
        image: "registry.example.com/big:1",
        spec: { replicas: 20 },
        status: "ROLLING_OUT",
        progress: { updated: 7, available: 7, desired: 20, message: "7 of 20 new replicas have been updated." },
      },
    });
    const ctx = await authorizeTeam({
      actor: { id: user.id, email: user.email, name: user.name, isPlatformAdmin: false, via: "session" },
      teamSlug: "stream",
      permissions: ["app.read"],
    });
    const { body } = await streamReleaseEvents.run({ ctx, input: { app: "big", sequence: 1 } });
    expect(await firstEvent(body as ReadableStream<Uint8Array>)).toMatchObject({
      status: "ROLLING_OUT",
      updated: 7,
      available: 7,
      desired: 20,
    });
  });

  it("ends on the outcome with the rollout's last counts, even when the stored ones were older", async () => {
    const app = await db().app.create({
      data: {
        teamId: (await db().team.findUniqueOrThrow({ where: { slug: "stream" } })).id,
        name: "two",
        imageRepository: "registry.example.com/two",
        containerPort: 80,
        replicas: 2,
      },
    });
    const release = await db().release.create({
      data: {
        appId: app.id,
        sequence: 1,
        image: "registry.example.com/two:1",
        spec: { replicas: 2 },
        status: "ROLLING_OUT",
        progress: { updated: 2, available: 1, desired: 2 },
      },
    });
    const user = await db().user.findUniqueOrThrow({ where: { email: "late@stream.test" } });
    const ctx = await authorizeTeam({
      actor: { id: user.id, email: user.email, name: user.name, isPlatformAdmin: false, via: "session" },
      teamSlug: "stream",
      permissions: ["app.read"],
    });
    const { body } = await streamReleaseEvents.run({ ctx, input: { app: "two", sequence: 1 } });
    const next = progressEvents(body as ReadableStream<Uint8Array>);
    expect(await next()).toMatchObject({ status: "ROLLING_OUT", available: 1, desired: 2 });
    await finishRelease(release.id, { status: "SUCCEEDED", counts: { updated: 2, available: 2, desired: 2 } });
    expect(await next()).toMatchObject({ status: "SUCCEEDED", updated: 2, available: 2, desired: 2 });
  });
});
