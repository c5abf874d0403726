/**
 * Webhooks end to end below the browser: the API that manages them, deliveries enqueued
 * with the audit events of real deploys, finishes and kubectl writes, signed POSTs to a
 * loopback receiver, retries, and an outbox that survives a process dying mid-send.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as webhooksRoute from "@/app/api/v1/teams/[team]/webhooks/route";
import * as webhookRoute from "@/app/api/v1/teams/[team]/webhooks/[webhookId]/route";
import * as secretRoute from "@/app/api/v1/teams/[team]/webhooks/[webhookId]/secret/route";
import * as deliveriesRoute from "@/app/api/v1/teams/[team]/webhooks/[webhookId]/deliveries/route";
import * as redeliverRoute from "@/app/api/v1/teams/[team]/webhooks/[webhookId]/deliveries/[deliveryId]/redeliver/route";
import * as deploysRoute from "@/app/api/v1/teams/[team]/apps/[app]/deploys/route";
import * as accessRequestsRoute from "@/app/api/v1/teams/[team]/access-requests/route";
import * as approveRoute from "@/app/api/v1/teams/[team]/access-requests/[requestId]/approve/route";
import { expireAccess } from "@/lib/access/expire-access";
import { WEBHOOK_EVENT_TYPES } from "@/lib/audit/webhook-events";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { authorizeUser } from "@/lib/authz/authorize";
import { ingestKubeAuditEvents } from "@/lib/cluster-audit/ingest-kube-audit-events";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { finishRelease } from "@/lib/deploys/finish-release";
import { personServiceAccountName } from "@/lib/k8s";
import { createApiToken } from "@/lib/tokens/create-api-token";
import { deliverDueWebhooks, MAX_ATTEMPTS } from "@/lib/webhooks/deliver-webhooks";
import { verifySignature } from "@/lib/webhooks/signature";
import { call } from "../helpers/api";
import { startReceiver, type Receiver } from "../helpers/webhook-receiver";

const team = "hooks";
let lead: string;
let leadId: string;
let viewer: string;
let receiver: Receiver;
const secrets = new Set<string>();

async function tokenFor(email: string, role: "LEAD" | "VIEWER", teamId: string) {
  const user = await db().user.create({ data: { email, issuer: "t", subject: email } });
  await db().membership.create({ data: { teamId, userId: user.id, role } });
  const { token } = await createApiToken.run({
    ctx: authorizeUser({ actor: { ...user, via: "session" } }),
    input: { name: "t", expiresInDays: 1 },
  });
  return { token, id: user.id };
}

beforeAll(async () => {
  // The test ends each release itself (finishRelease); this process's release worker would
  // race it to a "failed" for want of a cluster (it won once the audit append stopped waiting on a lock).
  Object.assign(env, { SLIPWAY_RELEASE_WORKER: false });
  receiver = await startReceiver();
  const row = await db().team.create({ data: { slug: team, name: "Hooks", namespace: "team-hooks" } });
  ({ token: lead, id: leadId } = await tokenFor("lead@hooks.test", "LEAD", row.id));
  ({ token: viewer } = await tokenFor("viewer@hooks.test", "VIEWER", row.id));
  await db().app.create({
    data: { teamId: row.id, name: "web", imageRepository: "registry.example.com/hooks/web", containerPort: 8080, env: [], resources: {} },
  });
});

afterAll(() => receiver.close());

async function createHook(body: Record<string, unknown>) {
  const res = await call(webhooksRoute.POST, "POST", { token: lead, params: { team }, body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  secrets.add(res.body.secret);
  return res.body as { id: string; secret: string };
}

async function deploy(version: string) {
  const res = await call(deploysRoute.POST, "POST", { token: lead, params: { team, app: "web" }, body: { version } });
  expect(res.status, JSON.stringify(res.body)).toBe(202);
  return res.body.release.id as string;
}

/** Sweeps until nothing is due (each sweep is what the leader runs every few seconds). */
async function drain() {
  while ((await deliverDueWebhooks()).claimed > 0);
}

async function pending() {
  return db().webhookDelivery.findMany({ where: { status: "PENDING" }, orderBy: { id: "asc" } });
}

describe("[webhooks] managing", () => {
  it("offers every event type, access ones included", () => {
    expect(WEBHOOK_EVENT_TYPES).toEqual([
      "deploy.requested",
      "deploy.succeeded",
      "deploy.failed",
      "drift.detected",
      "access.requested",
      "access.granted",
      "access.expired",
    ]);
  });

  it("refuses URLs outside the allowed hosts, naming the field", async () => {
    const outside = await call(webhooksRoute.POST, "POST", {
      token: lead,
      params: { team },
      body: { url: "https://hooks.evil.example/x", events: ["deploy.failed"] },
    });
    expect(outside.status).toBe(400);
    expect(outside.body.error.fields.url).toEqual(["host hooks.evil.example is not allowed; allowed: 127.0.0.1, localhost"]);
    const scheme = await call(webhooksRoute.POST, "POST", {
      token: lead,
      params: { team },
      body: { url: "file:///etc/passwd", events: [] },
    });
    expect(scheme.body.error.fields).toEqual({ url: ["must be an http:// or https:// URL"], events: ["choose at least one event"] });
    const credentials = await call(webhooksRoute.POST, "POST", {
      token: lead,
      params: { team },
      body: { url: "http://user:pw@127.0.0.1/x", events: ["nope"] },
    });
    expect(credentials.body.error.fields.url).toEqual(["must not contain a user name or password"]);
    expect(credentials.body.error.fields["events.0"]).toEqual([expect.stringMatching(/^must be one of deploy.requested/)]);
    expect(await db().webhook.count()).toBe(0);
  });

  it("is for leads only", async () => {
    const res = await call(webhooksRoute.GET, "GET", { token: viewer, params: { team } });
    expect(res.status).toBe(403);
  });

  it("shows the secret once, never again, and audits every change without the URL", async () => {
    const created = await createHook({ url: `${receiver.url}?token=chat-secret`, events: ["deploy.failed"], format: "SLACK" });
    expect(created.secret).toMatch(/^whsec_[\w-]{43}$/);
    const list = await call(webhooksRoute.GET, "GET", { token: lead, params: { team } });
    const patched = await call(webhookRoute.PATCH, "PATCH", {
      token: lead,
      params: { team, webhookId: created.id },
      body: { events: ["deploy.failed", "deploy.succeeded"], active: false },
    });
    expect(patched.body).toMatchObject({ events: ["deploy.failed", "deploy.succeeded"], active: false, format: "SLACK" });
    const rotated = await call(secretRoute.POST, "POST", { token: lead, params: { team, webhookId: created.id } });
    expect(rotated.body.secret).toMatch(/^whsec_/);
    expect(rotated.body.secret).not.toBe(created.secret);
    secrets.add(rotated.body.secret);
    const again = await call(webhooksRoute.GET, "GET", { token: lead, params: { team } });
    for (const text of [JSON.stringify(list.body), JSON.stringify(patched.body), JSON.stringify(again.body)]) {
      for (const secret of secrets) expect(text).not.toContain(secret);
      expect(text).not.toMatch(/secretEncrypted|whsec_/);
    }
    const stored = await db().webhook.findUniqueOrThrow({ where: { id: created.id } });
    expect(stored.secretEncrypted).not.toContain(rotated.body.secret);
    const events = await db().auditEvent.findMany({ where: { action: { startsWith: "webhook." } }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["webhook.create", "webhook.update", "webhook.rotate"]);
    expect(events[1]!.data).toEqual({ host: "127.0.0.1", changed: ["events", "active"] });
    expect(JSON.stringify(events.map((e) => e.data))).not.toMatch(/chat-secret|whsec_/);
    const removed = await call(webhookRoute.DELETE, "DELETE", { token: lead, params: { team, webhookId: created.id } });
    expect(removed.body).toEqual({ id: created.id, deleted: true });
    expect(await db().webhook.count()).toBe(0);
    expect((await verifyAuditChain({ db: db() })).ok).toBe(true);
  });
});

describe("[webhooks] delivery", () => {
  it("sends a signed delivery for each event type, in the format chosen", async () => {
    const json = await createHook({ url: receiver.url, events: [...WEBHOOK_EVENT_TYPES] });
    const slack = await createHook({ url: `${receiver.url}?slack`, events: ["deploy.failed"], format: "SLACK" });
    const first = await deploy("v1.0.0");
    await finishRelease(first, { status: "SUCCEEDED" });
    const second = await deploy("v2.0.0");
    await finishRelease(second, { status: "FAILED", error: "ImagePullBackOff" });
    await ingestKubeAuditEvents([
      {
        auditID: "drift-1",
        stage: "ResponseComplete",
        verb: "patch",
        user: { username: `system:serviceaccount:team-hooks:${personServiceAccountName(leadId)}` },
        objectRef: { resource: "deployments", namespace: "team-hooks", name: "web" },
        responseStatus: { code: 200 },
      },
    ]);
    // Nothing is sent before the leader's sweep: the events are in the outbox, committed with the audit log.
    expect(receiver.received).toHaveLength(0);
    expect((await pending()).map((d) => d.eventType)).toEqual([
      "deploy.requested",
      "deploy.succeeded",
      "deploy.requested",
      "deploy.failed",
      "deploy.failed",
      "drift.detected",
    ]);
    await drain();

    const toJson = receiver.received.filter((r) => !r.body.startsWith('{"text"'));
    expect(toJson.map((r) => r.headers["slipway-event"]).sort()).toEqual(
      ["deploy.failed", "deploy.requested", "deploy.requested", "deploy.succeeded", "drift.detected"].sort(),
    );
    for (const request of toJson) {
      expect(verifySignature(json.secret, request.body, String(request.headers["slipway-signature"]))).toBe(true);
      expect(verifySignature(slack.secret, request.body, String(request.headers["slipway-signature"]))).toBe(false);
      const envelope = JSON.parse(request.body);
      expect(envelope).toMatchObject({ type: request.headers["slipway-event"], team: { slug: team, name: "Hooks" } });
      expect(request.headers["slipway-delivery"]).toMatch(/^\d+$/);
      expect(request.headers["content-type"]).toBe("application/json");
    }
    const failed = JSON.parse(toJson.find((r) => r.headers["slipway-event"] === "deploy.failed")!.body);
    expect(failed.data).toEqual({ app: "web", sequence: 2, image: "registry.example.com/hooks/web:v2.0.0", error: "ImagePullBackOff" });
    expect(failed.actor).toEqual({ email: "lead@hooks.test" });
    const drift = JSON.parse(toJson.find((r) => r.headers["slipway-event"] === "drift.detected")!.body);
    expect(drift.data).toMatchObject({ app: "web", verb: "patch", resource: "deployments" });

    const chat = receiver.received.filter((r) => r.body.startsWith('{"text"'));
    expect(chat).toHaveLength(1);
    expect(JSON.parse(chat[0]!.body)).toEqual({
      text: "[hooks] deploy of web registry.example.com/hooks/web:v2.0.0 (release #2) failed: ImagePullBackOff",
    });
    expect(verifySignature(slack.secret, chat[0]!.body, String(chat[0]!.headers["slipway-signature"]))).toBe(true);

    const log = await call(deliveriesRoute.GET, "GET", { token: lead, params: { team, webhookId: json.id }, query: { limit: "3" } });
    expect(log.body.deliveries).toHaveLength(3);
    expect(log.body.deliveries[0]).toMatchObject({
      eventType: "drift.detected",
      status: "DELIVERED",
      attempts: 1,
      responseStatus: 200,
      responseBody: "thanks",
    });
    const older = await call(deliveriesRoute.GET, "GET", {
      token: lead,
      params: { team, webhookId: json.id },
      query: { limit: "3", before: log.body.nextBefore },
    });
    expect(older.body.deliveries.map((d: { eventType: string }) => d.eventType)).toEqual(["deploy.succeeded", "deploy.requested"]);
    expect(older.body.nextBefore).toBeNull();
    // Only the team's own: a delivery log is not readable through another webhook id.
    const none = await call(deliveriesRoute.GET, "GET", { token: lead, params: { team, webhookId: crypto.randomUUID() } });
    expect(none.status).toBe(404);
    await db().webhook.deleteMany();
    receiver.received.length = 0;
  });

  it("retries a failed delivery with backoff, then succeeds; redelivery sends the same event again", async () => {
    const hook = await createHook({ url: receiver.url, events: ["deploy.requested"] });
    await deploy("v3.0.0");
    receiver.answers.push(503);
    await drain();
    let [row] = await pending();
    expect(row).toMatchObject({ attempts: 1, responseStatus: 503, responseBody: "not now", error: "HTTP 503" });
    const wait = row!.nextAttemptAt.getTime() - Date.now();
    expect(wait).toBeGreaterThan(8_000);
    expect(wait).toBeLessThanOrEqual(10_000);
    // Not due yet: a sweep sends nothing.
    expect((await deliverDueWebhooks()).claimed).toBe(0);
    // The clock passes the backoff.
    await db().webhookDelivery.update({ where: { id: row!.id }, data: { nextAttemptAt: new Date(Date.now() - 1) } });
    await drain();
    row = await db().webhookDelivery.findUniqueOrThrow({ where: { id: row!.id } });
    expect(row).toMatchObject({ status: "DELIVERED", attempts: 2, responseStatus: 200, error: null });
    expect(receiver.received).toHaveLength(2);
    expect(receiver.received[0]!.body).toBe(receiver.received[1]!.body);

    const again = await call(redeliverRoute.POST, "POST", {
      token: lead,
      params: { team, webhookId: hook.id, deliveryId: row!.id.toString() },
    });
    expect(again.status).toBe(202);
    expect(again.body.delivery).toMatchObject({ status: "PENDING", eventId: row!.eventId, attempts: 0 });
    await drain();
    expect(receiver.received).toHaveLength(3);
    expect(JSON.parse(receiver.received[2]!.body).id).toBe(row!.eventId);
    expect(receiver.received[2]!.headers["slipway-delivery"]).toBe(again.body.delivery.id);
    await db().webhook.deleteMany();
    receiver.received.length = 0;
  });

  it("gives up after the last attempt, with the connection error in the log", async () => {
    const gone = await startReceiver();
    await gone.close();
    const hook = await createHook({ url: gone.url, events: ["deploy.requested"] });
    await deploy("v4.0.0");
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      await db().webhookDelivery.updateMany({ data: { nextAttemptAt: new Date(Date.now() - 1) } });
      await deliverDueWebhooks();
    }
    const row = await db().webhookDelivery.findFirstOrThrow({ where: { webhookId: hook.id } });
    expect(row).toMatchObject({ status: "FAILED", attempts: MAX_ATTEMPTS, responseStatus: null });
    expect(row.error).toMatch(/ECONNREFUSED/);
    await db().webhook.deleteMany();
  });

  it("loses nothing when the process dies before or during a send", async () => {
    await createHook({ url: receiver.url, events: ["deploy.requested"] });
    await deploy("v5.0.0");
    // A process claims the delivery and dies mid-send: its POST never ends, nothing is recorded.
    void deliverDueWebhooks({ fetch: () => new Promise<Response>(() => {}) });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const [claimed] = await pending();
    expect(claimed).toMatchObject({ attempts: 1, responseStatus: null });
    // Still claimed: another sweep (another replica, the restarted process) leaves it alone ...
    expect((await deliverDueWebhooks()).claimed).toBe(0);
    expect(receiver.received).toHaveLength(0);
    // ... until the claim lapses (60 s; the clock passes it here), then it is sent.
    await db().webhookDelivery.update({ where: { id: claimed!.id }, data: { nextAttemptAt: new Date(Date.now() - 1) } });
    await drain();
    expect(receiver.received).toHaveLength(1);
    expect(receiver.received[0]!.headers["slipway-delivery"]).toBe(claimed!.id.toString());
    const row = await db().webhookDelivery.findUniqueOrThrow({ where: { id: claimed!.id } });
    expect(row).toMatchObject({ status: "DELIVERED", attempts: 2 });
    await db().webhook.deleteMany();
  });
});

describe("[webhooks] access events", () => {
  it("announces a request, its approval and the grant's expiry, in the words of each", async () => {
    const hook = await createHook({
      url: `${receiver.url}?access`,
      events: ["access.requested", "access.granted", "access.expired"],
      format: "SLACK",
    });
    const asker = await db().user.create({ data: { email: "asker@hooks.test", issuer: "t", subject: "asker" } });
    const { token } = await createApiToken.run({
      ctx: authorizeUser({ actor: { ...asker, via: "session" } }),
      input: { name: "t", expiresInDays: 1 },
    });
    const asked = await call(accessRequestsRoute.POST, "POST", {
      token,
      params: { team },
      body: { role: "DEPLOYER", reason: "on call tonight", hours: 4 },
    });
    expect(asked.status, JSON.stringify(asked.body)).toBe(201);
    const approved = await call(approveRoute.POST, "POST", { token: lead, params: { team, requestId: asked.body.id }, body: { hours: 1 } });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    await db().membership.updateMany({ where: { userId: asker.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expireAccess();
    await drain();
    const texts = receiver.received.filter((r) => r.body.includes("asker@")).map((r) => JSON.parse(r.body).text as string);
    // One sweep sends them in parallel: the order they arrive in is not theirs.
    expect(texts).toHaveLength(3);
    expect(texts).toEqual(
      expect.arrayContaining([
        "[hooks] asker@hooks.test asks for DEPLOYER for 4 h: on call tonight",
        expect.stringMatching(/^\[hooks\] asker@hooks.test was granted DEPLOYER until \S+ by lead@hooks.test$/),
        "[hooks] asker@hooks.test's DEPLOYER access expired",
      ]),
    );
    await call(webhookRoute.DELETE, "DELETE", { token: lead, params: { team, webhookId: hook.id } });
  });
});
