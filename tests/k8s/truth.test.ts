/**
 * "What Slipway shows is what runs" (issue 9) on the real control plane: kubectl with a
 * downloaded kubeconfig lands in the audit log as that person (through the API server's
 * audit webhook), the app reports drift with the diff and who made it, re-apply clears
 * it; live health goes Progressing -> Healthy and Degraded with the quota reason; a
 * rollback becomes the app's settings, so the next deploy keeps it.
 *
 * The API server posts its audit events to a port fixed at cluster start (global-setup);
 * this file listens there with the same handler as Slipway's /api/cluster/audit.
 */
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as http from "node:http";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { db } from "@/lib/db";
import { authorizeUser } from "@/lib/authz/authorize";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { handleAuditWebhook } from "@/lib/cluster-audit/audit-webhook-handler";
import { closeNamespaceCaches } from "@/lib/k8s";
import { createApiToken } from "@/lib/tokens/create-api-token";
import * as teams from "@/app/api/v1/teams/route";
import * as members from "@/app/api/v1/teams/[team]/members/route";
import * as apps from "@/app/api/v1/teams/[team]/apps/route";
import * as app from "@/app/api/v1/teams/[team]/apps/[app]/route";
import * as deploys from "@/app/api/v1/teams/[team]/apps/[app]/deploys/route";
import * as rollbacks from "@/app/api/v1/teams/[team]/apps/[app]/rollbacks/route";
import * as reapply from "@/app/api/v1/teams/[team]/apps/[app]/reapply/route";
import * as status from "@/app/api/v1/teams/[team]/apps/[app]/status/route";
import * as kubeconfig from "@/app/api/v1/teams/[team]/kubeconfig/route";
import * as teamLive from "@/app/api/v1/teams/[team]/live/route";
import * as appLive from "@/app/api/v1/teams/[team]/apps/[app]/live/route";
import { dashboardFor } from "@/lib/dashboard/get-dashboard";
import { call, callRaw } from "../helpers/api";
import { releaseOutcome } from "../helpers/release-outcome";

const run = promisify(execFile);
const token: Record<"lead" | "deployer", string> = { lead: "", deployer: "" };
const team = `truth-${Date.now().toString(36)}`;
const p = (extra: Record<string, string> = {}) => ({ team, ...extra });
const web = {
  name: "web",
  imageRepository: "registry.example.com/truth/web",
  containerPort: 8080,
  replicas: 2,
  env: [{ name: "GREETING", value: "hello" }],
  resources: { requests: { cpu: "100m", memory: "64Mi" } },
};
let webhook: http.Server;
let kubeconfigFile = "";
const webhookBatches: number[] = [];

/** kubectl as the deployer, with the kubeconfig Slipway handed out. */
const kubectl = (...args: string[]) =>
  run(path.join(inject("cluster").binDir, "kubectl"), [`--kubeconfig=${kubeconfigFile}`, ...args], { timeout: 30_000 });

const live = async (name = "web") => (await call(status.GET, "GET", { token: token.deployer, params: p({ app: name }) })).body.live;

/**
 * The batched reads (the team's GET .../live, the deployer's dashboard) give what each
 * app's own GET .../status gives; polled, as the cache may change between the reads.
 */
async function batchedAgreesWithEach(names: string[]) {
  await expect
    .poll(
      async () => {
        const batched = (await call(teamLive.GET, "GET", { token: token.deployer, params: p() })).body.apps as { name: string }[];
        const deployer = await db().user.findUniqueOrThrow({ where: { email: "deployer@truth.test" } });
        const dashboard = (await dashboardFor(deployer.id)).apps.filter((a) => a.team.slug === team);
        const each = await Promise.all(names.map(async (name) => ({ name, live: await live(name) })));
        const onDashboard = JSON.parse(JSON.stringify(dashboard.map((a) => ({ name: a.name, live: a.live }))));
        return { batched, onDashboard, each };
      },
      { timeout: 15_000, interval: 500 },
    )
    .toSatisfy(({ batched, onDashboard, each }) => {
      const expected = JSON.stringify(each);
      return JSON.stringify(batched) === expected && JSON.stringify(onDashboard) === expected;
    });
}

async function deployed(version: string, name = "web") {
  const started = await call(deploys.POST, "POST", { token: token.deployer, params: p({ app: name }), body: { version } });
  return (await releaseOutcome(started.body.release.id)).release;
}

beforeAll(async () => {
  const { port, token: webhookToken } = inject("cluster").auditWebhook;
  webhook = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", async () => {
      const body = Buffer.concat(chunks);
      const answer = await handleAuditWebhook(
        new Request(`http://127.0.0.1:${port}${req.url}`, { method: req.method, headers: req.headers as Record<string, string>, body }),
        { token: webhookToken, pathToken: new URL(req.url ?? "/", "http://x").pathname.split("/").pop() },
      );
      webhookBatches.push(answer.status);
      res.writeHead(answer.status, { "content-type": "application/json" }).end(await answer.text());
    });
  });
  await new Promise<void>((resolve) => webhook.listen(port, "127.0.0.1", resolve));

  for (const who of Object.keys(token) as (keyof typeof token)[]) {
    const user = await db().user.create({ data: { email: `${who}@truth.test`, name: who, issuer: "t", subject: `truth-${who}` } });
    token[who] = (
      await createApiToken.run({ ctx: authorizeUser({ actor: { ...user, via: "session" } }), input: { name: "t", expiresInDays: 1 } })
    ).token;
  }
  const admin = await db().user.create({ data: { email: "admin@truth.test", isPlatformAdmin: true, issuer: "t", subject: "truth-admin" } });
  const adminToken = (
    await createApiToken.run({ ctx: authorizeUser({ actor: { ...admin, via: "session" } }), input: { name: "t", expiresInDays: 1 } })
  ).token;
  const created = await call(teams.POST, "POST", { token: adminToken, body: { slug: team, name: "Truth", leadEmail: "lead@truth.test" } });
  expect(created.body.provisioning.status).toBe("provisioned");
  await call(members.POST, "POST", { token: token.lead, params: p(), body: { email: "deployer@truth.test", role: "DEPLOYER" } });
  expect((await call(apps.POST, "POST", { token: token.deployer, params: p(), body: web })).status).toBe(201);

  const issued = await call(kubeconfig.POST, "POST", { token: token.deployer, params: p(), query: { format: "static" } });
  kubeconfigFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "slipway-truth-")), "kubeconfig");
  fs.writeFileSync(kubeconfigFile, issued.body, { mode: 0o600 });
});

afterAll(async () => {
  closeNamespaceCaches();
  await new Promise((resolve) => webhook?.close(resolve));
  if (kubeconfigFile) fs.rmSync(path.dirname(kubeconfigFile), { recursive: true, force: true });
});

describe("[truth] what Slipway shows is what runs", () => {
  it("the webhook endpoint refuses anything but its token", async () => {
    const post = (authorization?: string) =>
      handleAuditWebhook(
        new Request("http://slipway.test/api/cluster/audit", {
          method: "POST",
          headers: authorization ? { authorization } : {},
          body: JSON.stringify({ kind: "EventList", items: [] }),
        }),
        { token: inject("cluster").auditWebhook.token },
      );
    expect((await post()).status).toBe(401);
    expect((await post("Bearer wrong-token-wrong-token")).status).toBe(401);
    expect((await post(`Bearer ${inject("cluster").auditWebhook.token}`)).status).toBe(200);
  });

  it("a deployed app is Healthy and in sync", async () => {
    expect((await deployed("1.0.0")).status).toBe("SUCCEEDED");
    await expect.poll(async () => (await live()).health?.state, { timeout: 15_000 }).toBe("Healthy");
    expect((await live()).drift).toMatchObject({ state: "in-sync", changes: [] });
  });

  it("the live stream sends the state first, and a browser that leaves ends it cleanly", async () => {
    const response = await callRaw(appLive.GET, "GET", { token: token.deployer, params: p({ app: "web" }) });
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    const { value } = await reader.read();
    expect(JSON.parse(new TextDecoder().decode(value).match(/^event: live\ndata: (.*)$/m)?.[1] ?? "null").health.state).toBe("Healthy");
    // Closing a stream its reader cancelled threw "Controller is already closed" on every leave.
    await expect(reader.cancel()).resolves.toBeUndefined();
  });

  it("kubectl changes land in the audit log as the person within 10 s, and the app reports drift with the diff", async () => {
    const before = Date.now();
    await kubectl("rollout", "pause", "deployment/web");
    await kubectl("set", "image", "deployment/web", "web=registry.example.com/truth/backdoor:1");
    await kubectl("patch", "deployment", "web", "-p", '{"spec":{"replicas":3}}');

    await expect
      .poll(
        () =>
          db().auditEvent.count({
            where: { action: "kubectl.write", actorEmail: "deployer@truth.test", team: { slug: team }, via: "kubectl" },
          }),
        { timeout: 10_000, interval: 250 },
      )
      .toBeGreaterThanOrEqual(3);
    const arrivedMs = Date.now() - before;
    const patch = await db().auditEvent.findFirstOrThrow({
      where: { action: "kubectl.write", team: { slug: team }, data: { path: ["verb"], equals: "patch" } },
      orderBy: { id: "desc" },
    });
    expect(patch).toMatchObject({
      actorEmail: "deployer@truth.test",
      via: "kubectl",
      data: { app: "web", verb: "patch", resource: "deployments", name: "web", code: 200, userAgent: expect.stringMatching(/^kubectl/) },
    });
    expect(arrivedMs).toBeLessThan(10_000);

    // Paused with a new template: the new pods are not rolled out.
    await expect.poll(async () => (await live()).health?.state, { timeout: 15_000 }).toBe("Progressing");
    const drift = (await live()).drift;
    expect(drift.state).toBe("drifted");
    expect(drift.changes).toEqual(
      expect.arrayContaining([
        { field: "image", expected: "registry.example.com/truth/web:1.0.0", live: "registry.example.com/truth/backdoor:1" },
        { field: "replicas", expected: "2", live: "3" },
      ]),
    );
    expect(drift.changedBy[0]).toMatchObject({ email: "deployer@truth.test", resource: "deployments", name: "web" });
    await batchedAgreesWithEach(["web"]);
  });

  it("health goes Progressing -> Healthy when the rollout completes", async () => {
    await kubectl("rollout", "resume", "deployment/web");
    await expect.poll(async () => (await live()).health?.state, { timeout: 30_000 }).toBe("Healthy");
  });

  it("re-apply puts the current release back, audited, and clears the drift", async () => {
    const asked = await call(reapply.POST, "POST", { token: token.deployer, params: p({ app: "web" }) });
    expect(asked.status).toBe(202);
    expect((await releaseOutcome(asked.body.release.id)).release).toMatchObject({
      status: "SUCCEEDED",
      image: "registry.example.com/truth/web:1.0.0",
    });
    await expect.poll(async () => (await live()).drift.state, { timeout: 15_000 }).toBe("in-sync");
    expect(
      await db().auditEvent.findFirst({
        where: { action: "deploy.request", team: { slug: team }, data: { path: ["reapplyOf"], equals: 1 } },
      }),
    ).toMatchObject({ actorEmail: "deployer@truth.test", via: "token" });
  });

  it("an app whose pods do not fit the quota is Degraded with the reason", async () => {
    const greedy = { ...web, name: "greedy", replicas: 3, resources: { requests: { cpu: "4" } } };
    expect((await call(apps.POST, "POST", { token: token.deployer, params: p(), body: greedy })).status).toBe(201);
    await deployed("1.0.0", "greedy");
    await expect
      .poll(async () => (await live("greedy")).health, { timeout: 20_000 })
      .toMatchObject({ state: "Degraded", reason: expect.stringMatching(/^[12] of 3 pods cannot start: exceeded quota/) });
  });

  it("the team's and the dashboard's batched live views agree with each app's own", async () => {
    const idle = { ...web, name: "idle" };
    expect((await call(apps.POST, "POST", { token: token.deployer, params: p(), body: idle })).status).toBe(201);
    await kubectl("scale", "deployment/web", "--replicas=1");
    await expect.poll(async () => (await live()).drift.state, { timeout: 15_000 }).toBe("drifted");
    await batchedAgreesWithEach(["greedy", "idle", "web"]);
    const batched = (await call(teamLive.GET, "GET", { token: token.deployer, params: p() })).body.apps;
    const states = Object.fromEntries(
      batched.map((a: { name: string; live: { drift: { state: string } } }) => [a.name, a.live.drift.state]),
    );
    expect(states).toMatchObject({ idle: "unknown", web: "drifted" });
    await call(reapply.POST, "POST", { token: token.deployer, params: p({ app: "web" }) }).then((asked) =>
      releaseOutcome(asked.body.release.id),
    );
    await expect.poll(async () => (await live()).drift.state, { timeout: 15_000 }).toBe("in-sync");
  });

  it("a rollback becomes the app's settings, so the next deploy keeps the rolled-back env", async () => {
    const spec = { ...web, env: [{ name: "GREETING", value: "hi" }] };
    expect((await call(app.PUT, "PUT", { token: token.deployer, params: p({ app: "web" }), body: { spec } })).status).toBe(200);
    const second = await deployed("2.0.0");
    const back = await call(rollbacks.POST, "POST", { token: token.deployer, params: p({ app: "web" }), body: { sequence: 1 } });
    expect((await releaseOutcome(back.body.release.id)).release.status).toBe("SUCCEEDED");
    const next = await deployed("3.0.0");
    expect(next.sequence).toBeGreaterThan(second.sequence);
    expect((next.spec as { env: unknown }).env).toEqual([{ name: "GREETING", value: "hello" }]);
  });

  it("a retried webhook batch appends nothing twice, and the chain verifies", async () => {
    const event = await db().auditEvent.findFirstOrThrow({ where: { action: "kubectl.write", team: { slug: team } } });
    const { port, token: webhookToken } = inject("cluster").auditWebhook;
    const again = {
      kind: "EventList",
      items: [
        {
          auditID: event.clusterAuditId,
          stage: "ResponseComplete",
          verb: "patch",
          user: { username: `system:serviceaccount:team-${team}:${(event.data as { serviceAccount: string }).serviceAccount}` },
          objectRef: { resource: "deployments", namespace: `team-${team}`, name: "web" },
          responseStatus: { code: 200 },
        },
      ],
    };
    const answer = await fetch(`http://127.0.0.1:${port}/${webhookToken}`, {
      method: "POST",
      headers: { authorization: `Bearer ${webhookToken}`, "content-type": "application/json" },
      body: JSON.stringify(again),
    });
    expect(await answer.json()).toMatchObject({ recorded: 0, duplicates: 1 });
    expect(await db().auditEvent.count({ where: { clusterAuditId: event.clusterAuditId } })).toBe(1);
    expect(await verifyAuditChain({ db: db() })).toMatchObject({ ok: true });
  });
});
