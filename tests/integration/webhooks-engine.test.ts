/**
 * Through the real engine: an event committed while no Slipway process runs (it crashed
 * after the commit, before sending) is delivered by the leader's periodic task once a
 * process starts again.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { stopEngine } from "@/lib/engine";
import { startPlatformEngine } from "@/lib/platform-engine";
import { sealSecret } from "@/lib/crypto/secret-box";
import { verifySignature } from "@/lib/webhooks/signature";
import { startReceiver, type Receiver } from "../helpers/webhook-receiver";

let receiver: Receiver;

beforeAll(async () => {
  receiver = await startReceiver();
});

afterAll(async () => {
  await stopEngine({ drainMs: 1000 });
  await receiver.close();
});

describe("[webhooks] the engine", () => {
  it("delivers what was committed before the process started", async () => {
    const team = await db().team.create({ data: { slug: "engine", name: "Engine", namespace: "team-engine" } });
    await db().webhook.create({
      data: { teamId: team.id, url: receiver.url, events: ["deploy.failed"], secretEncrypted: sealSecret("whsec_engine") },
    });
    await db().$transaction((tx) =>
      recordAuditEvent({
        tx,
        actor: null,
        action: "deploy.failed",
        teamId: team.id,
        target: { type: "release", id: "r1" },
        data: { app: "web", sequence: 1, image: "r/web:1", error: "crashed" },
      }),
    );
    expect(await db().webhookDelivery.count({ where: { status: "PENDING" } })).toBe(1);
    expect(receiver.received).toHaveLength(0);

    startPlatformEngine();
    await expect.poll(() => receiver.received.length, { timeout: 20_000, interval: 200 }).toBe(1);
    const [request] = receiver.received;
    expect(request!.headers["slipway-event"]).toBe("deploy.failed");
    expect(verifySignature("whsec_engine", request!.body, String(request!.headers["slipway-signature"]))).toBe(true);
    await expect
      .poll(() => db().webhookDelivery.findFirst({ select: { status: true } }), { timeout: 5_000 })
      .toEqual({ status: "DELIVERED" });
  });
});
