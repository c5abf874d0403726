/**
 * The deploy flow end to end through /api/v1, on a real database and the real
 * control plane: team provisioning, app registration, idempotent deploys, the
 * rollout watch, history, rollback, restart/scale, failures, and the audit trail.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { createApiToken } from "@/lib/tokens/create-api-token";
import { authorizeTeam, authorizeUser } from "@/lib/authz/authorize";
import { deployApp } from "@/lib/deploys/deploy-app";
import { engineState } from "@/lib/engine/process-state";
import type { Release } from "@/lib/generated/prisma/client";
import { AdmissionQueue } from "@/lib/http/admission";
import { admission } from "@/lib/http/server-hook";
import * as teams from "@/app/api/v1/teams/route";
import * as members from "@/app/api/v1/teams/[team]/members/route";
import * as apps from "@/app/api/v1/teams/[team]/apps/route";
import * as app from "@/app/api/v1/teams/[team]/apps/[app]/route";
import * as deploys from "@/app/api/v1/teams/[team]/apps/[app]/deploys/route";
import * as rollbacks from "@/app/api/v1/teams/[team]/apps/[app]/rollbacks/route";
import * as releases from "@/app/api/v1/teams/[team]/apps/[app]/releases/route";
import * as release from "@/app/api/v1/teams/[team]/apps/[app]/releases/[sequence]/route";
import * as scale from "@/app/api/v1/teams/[team]/apps/[app]/scale/route";
import * as restart from "@/app/api/v1/teams/[team]/apps/[app]/restart/route";
import * as status from "@/app/api/v1/teams/[team]/apps/[app]/status/route";
import * as kubeconfig from "@/app/api/v1/teams/[team]/kubeconfig/route";
import * as member from "@/app/api/v1/teams/[team]/members/[userId]/route";
import { parse as parseYaml } from "yaml";
import { clientForToken, K8sError } from "@/lib/k8s";
import { admin, expectClusterStatus, platform } from "./helpers";
import { call } from "../helpers/api";
import { releaseOutcome } from "../helpers/release-outcome";

const token: Record<"admin" | "lead" | "deployer" | "viewer", string> = { admin: "", lead: "", deployer: "", viewer: "" };
const team = `shop-${Date.now().toString(36)}`;
const p = (extra: Record<string, string> = {}) => ({ team, ...extra });
const web = {
  name: "web",
  imageRepository: "registry.example.com/shop/web",
  containerPort: 8080,
  replicas: 2,
  env: [{ name: "GREETING", value: "hello" }],
  resources: { requests: { cpu: "100m", memory: "64Mi" } },
  healthCheckPath: "/healthz",
};

beforeAll(async () => {
  for (const who of Object.keys(token) as (keyof typeof token)[]) {
    const user = await db().user.create({
      data: { email: `${who}@shop.test`, isPlatformAdmin: who === "admin", issuer: "t", subject: who },
    });
    token[who] = (
      await createApiToken.run({ ctx: authorizeUser({ actor: { ...user, via: "session" } }), input: { name: "t", expiresInDays: 1 } })
    ).token;
  }
  const created = await call(teams.POST, "POST", { token: token.admin, body: { slug: team, name: "Shop", leadEmail: "lead@shop.test" } });
  expect(created.body.provisioning).toEqual({ status: "provisioned", namespace: `team-${team}` });
  for (const [email, role] of [
    ["deployer@shop.test", "DEPLOYER"],
    ["viewer@shop.test", "VIEWER"],
  ]) {
    expect((await call(members.POST, "POST", { token: token.lead, params: p(), body: { email, role } })).status).toBe(201);
  }
});

async function deploy(who: keyof typeof token, version: string, key?: string, appName = "web") {
  const headers = key ? { "idempotency-key": key } : undefined;
  return call(deploys.POST, "POST", { token: token[who], params: p({ app: appName }), body: { version }, headers });
}

describe("[deploy] through the API against the control plane", () => {
  it("a lead registers an app; bad fields are named", async () => {
    expect((await call(apps.POST, "POST", { token: token.lead, params: p(), body: web })).status).toBe(201);
    const bad = await call(apps.POST, "POST", {
      token: token.lead,
      params: p(),
      body: {
        ...web,
        name: "Web_1",
        imageRepository: "Registry/UPPER:tag",
        containerPort: 0,
        replicas: 50,
        env: [{ name: "1BAD", value: "" }],
        resources: { requests: { cpu: "2", memory: "1Gi" }, limits: { cpu: "1" } },
        host: "not a host",
      },
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual([
      "containerPort",
      "env.0.name",
      "host",
      "imageRepository",
      "name",
      "replicas",
      "resources.requests.cpu",
    ]);
    expect(bad.body.error.fields["env.0.name"]).toEqual(["must be a C identifier: letters, digits and _, not starting with a digit"]);
    expect((await call(apps.POST, "POST", { token: token.viewer, params: p(), body: { ...web, name: "other" } })).status).toBe(403);
  });

  it("a deployer deploys once per idempotency key, and the rollout reaches Available", async () => {
    const first = await deploy("deployer", "1.0.0", "ci-run-0001");
    expect(first.status).toBe(202);
    const again = await deploy("deployer", "1.0.0", "ci-run-0001");
    expect(again).toMatchObject({ status: 200, body: { created: false, release: { id: first.body.release.id } } });
    const conflicting = await deploy("deployer", "9.9.9", "ci-run-0001");
    expect(conflicting.status).toBe(409);

    const { release: done, seen } = await releaseOutcome(first.body.release.id);
    expect(done).toMatchObject({ status: "SUCCEEDED", sequence: 1, image: "registry.example.com/shop/web:1.0.0", error: null });
    expect(seen.at(-1)).toBe("SUCCEEDED");
    expect(await db().release.count({ where: { app: { name: "web", team: { slug: team } } } })).toBe(1);

    const view = await call(status.GET, "GET", { token: token.viewer, params: p({ app: "web" }) });
    expect(view.body.view.pods).toHaveLength(2);
    expect(view.body.view.pods.every((pod: { ready: boolean }) => pod.ready)).toBe(true);
  });

  it("a viewer sees the history but cannot deploy; bad versions are named", async () => {
    expect((await deploy("viewer", "2.0.0")).status).toBe(403);
    const history = await call(releases.GET, "GET", { token: token.viewer, params: p({ app: "web" }) });
    expect(history.body.releases.map((r: { sequence: number }) => r.sequence)).toEqual([1]);
    const bad = await deploy("deployer", "not a tag!");
    expect(bad).toMatchObject({ status: 400, body: { error: { fields: { version: [expect.stringMatching(/image tag/)] } } } });
  });

  it("a second deploy with a changed setting, then a rollback to #1 as a new release", async () => {
    const spec = { ...web, env: [{ name: "GREETING", value: "hi" }] };
    expect((await call(app.PUT, "PUT", { token: token.deployer, params: p({ app: "web" }), body: { spec } })).status).toBe(200);
    const second = await deploy("deployer", "2.0.0");
    expect((await releaseOutcome(second.body.release.id)).release.status).toBe("SUCCEEDED");

    const diff = await call(release.GET, "GET", { token: token.viewer, params: p({ app: "web", sequence: "2" }) });
    expect(diff.body.changes).toEqual([
      { field: "env.GREETING", before: "hello", after: "hi" },
      { field: "image", before: "registry.example.com/shop/web:1.0.0", after: "registry.example.com/shop/web:2.0.0" },
    ]);

    const rollback = await call(rollbacks.POST, "POST", { token: token.lead, params: p({ app: "web" }), body: { sequence: 1 } });
    expect(rollback.status).toBe(202);
    const { release: third } = await releaseOutcome(rollback.body.release.id);
    expect(third).toMatchObject({ sequence: 3, status: "SUCCEEDED", image: "registry.example.com/shop/web:1.0.0" });
    expect((third.spec as { env: unknown }).env).toEqual([{ name: "GREETING", value: "hello" }]);
    const requester = await db().user.findUniqueOrThrow({ where: { email: "lead@shop.test" } });
    expect(third.requestedById).toBe(requester.id);
  });

  it("two deploys at once end with the newer one in the cluster and in the history", async () => {
    const [a, b] = await Promise.all([deploy("deployer", "3.0.0"), deploy("lead", "4.0.0")]);
    const [first, second] = [a.body.release, b.body.release].sort((x, y) => x.sequence - y.sequence);
    const newer = await releaseOutcome(second.id);
    const older = await releaseOutcome(first.id);
    expect(newer.release.status).toBe("SUCCEEDED");
    // The older one either finished before the newer was applied, or was superseded.
    expect([older.release.status, older.release.error ?? ""]).toSatisfy(
      ([status, error]: [string, string]) => status === "SUCCEEDED" || /^Superseded by release #\d+/.test(error),
    );
    const view = await call(status.GET, "GET", { token: token.viewer, params: p({ app: "web" }) });
    expect(view.body.view.deployment).toMatchObject({ image: newer.release.image, releaseSequence: newer.release.sequence });
    // Back to the state the next tests expect.
    const rollback = await call(rollbacks.POST, "POST", { token: token.lead, params: p({ app: "web" }), body: { sequence: 1 } });
    expect((await releaseOutcome(rollback.body.release.id)).release.status).toBe("SUCCEEDED");
  });

  it("the process that accepts a deploy runs it: created claimed by it, unless another of the app is still to be applied", async () => {
    expect((await call(apps.POST, "POST", { token: token.lead, params: p(), body: { ...web, name: "solo", replicas: 1 } })).status).toBe(
      201,
    );
    const lead = await db().user.findUniqueOrThrow({ where: { email: "lead@shop.test" } });
    const ctx = await authorizeTeam({ actor: { ...lead, via: "session" }, teamSlug: team, permissions: ["app.deploy"] });
    // The use-case hands back the row it created, claim included (the API's answer leaves claims out).
    const deploySolo = async (version: string) =>
      (await deployApp.run({ ctx, input: { app: "solo", version } })).release as unknown as Release;
    const lone = await deploySolo("1.0.0");
    // On PostgreSQL (request-release.ts says why not on PGlite).
    expect(lone.claimedBy).toBe(process.env.DATABASE_URL ? engineState().processId : null);
    // ... with its apply turn taken by the statement that created it.
    expect(lone.status).toBe(process.env.DATABASE_URL ? "APPLYING" : "PENDING");
    expect((await releaseOutcome(lone.id)).release.status).toBe("SUCCEEDED");

    // That statement also says whether an earlier release's Ingress may be left: the run deletes it.
    const a = admin();
    const ingresses = async () =>
      (await a.call({}, () => a.networking.listNamespacedIngress({ namespace: `team-${team}` }))).items.map((i) => i.metadata?.name);
    await db().app.update({ where: { id: lone.appId }, data: { host: `solo.${team}.localhost` } });
    expect((await releaseOutcome((await deploySolo("1.0.0-host")).id)).release).toMatchObject({ status: "SUCCEEDED", error: null });
    expect(await ingresses()).toContain("solo");
    await db().app.update({ where: { id: lone.appId }, data: { host: null } });
    const unhosted = await deploySolo("1.0.0-nohost");
    expect(unhosted.claimedBy).toBe(process.env.DATABASE_URL ? engineState().processId : null);
    expect((await releaseOutcome(unhosted.id)).release.status).toBe("SUCCEEDED");
    expect(await ingresses()).not.toContain("solo");

    // Another replica is applying #2 (as far as the database says): #3 is left to the queue, unclaimed.
    const elsewhere = await db().release.create({
      data: {
        appId: lone.appId,
        environmentId: lone.environmentId,
        sequence: unhosted.sequence + 1,
        image: "registry.example.com/shop/web:elsewhere",
        spec: {},
        status: "APPLYING",
        claimedBy: "another-replica",
        claimExpiresAt: new Date(Date.now() + 3_600_000),
      },
    });
    const queued = await deploySolo("1.0.1");
    expect(queued).toMatchObject({ claimedBy: null, status: "PENDING" });
    await db().release.update({ where: { id: elsewhere.id }, data: { status: "FAILED", error: "test: gone", claimExpiresAt: new Date() } });
    const { release: done } = await releaseOutcome(queued.id);
    expect(done).toMatchObject({ status: "SUCCEEDED", claimedBy: engineState().processId });

    // While this process serves other requests (a burst), the queue takes it too. Two requests
    // in progress, held until released (a queue without the hold time, in place of this process's).
    const queues = globalThis as unknown as Record<symbol, AdmissionQueue | undefined>;
    const own = queues[Symbol.for("slipway.admissionQueue")];
    const busy = (queues[Symbol.for("slipway.admissionQueue")] = new AdmissionQueue(8, 0));
    const held: (() => void)[] = [];
    for (let i = 0; i < 2; i++) busy.admit((done) => held.push(done));
    try {
      expect(admission().open).toBe(2);
      const inBurst = await deploySolo("1.0.2");
      expect(inBurst.claimedBy).toBeNull();
      expect((await releaseOutcome(inBurst.id)).release.status).toBe("SUCCEEDED");
    } finally {
      for (const done of held) done();
      queues[Symbol.for("slipway.admissionQueue")] = own;
    }
  });

  it("scale and restart go through with the deployer token and are audited", async () => {
    expect(await call(scale.POST, "POST", { token: token.deployer, params: p({ app: "web" }), body: { replicas: 3 } })).toMatchObject({
      status: 200,
      body: { replicas: 3 },
    });
    expect((await call(restart.POST, "POST", { token: token.deployer, params: p({ app: "web" }) })).status).toBe(200);
    expect((await call(scale.POST, "POST", { token: token.viewer, params: p({ app: "web" }), body: { replicas: 1 } })).status).toBe(403);
    const actions = await db().auditEvent.findMany({
      where: { action: { in: ["app.scale", "app.restart"] } },
      select: { id: true, action: true, actorEmail: true, data: true },
      orderBy: { id: "asc" },
    });
    // Intent before the cluster call, outcome after it, naming its intent.
    const [scaleIntent, , restartIntent] = actions;
    expect(actions.map(({ id: _id, ...rest }) => rest)).toEqual([
      {
        action: "app.scale",
        actorEmail: "deployer@shop.test",
        data: { app: "web", from: 2, to: 3, environment: "production", result: "started" },
      },
      {
        action: "app.scale",
        actorEmail: "deployer@shop.test",
        data: { app: "web", from: 2, to: 3, environment: "production", result: "ok", intentId: String(scaleIntent!.id) },
      },
      { action: "app.restart", actorEmail: "deployer@shop.test", data: expect.objectContaining({ app: "web", result: "started" }) },
      {
        action: "app.restart",
        actorEmail: "deployer@shop.test",
        data: expect.objectContaining({ app: "web", result: "ok", intentId: String(restartIntent!.id) }),
      },
    ]);
  });

  it("a release that cannot get its pods ends FAILED with the cluster's reason", async () => {
    // Three pods of 4 CPUs each do not fit the namespace quota of 8: the third is never created.
    const greedy = { ...web, name: "greedy", replicas: 3, resources: { requests: { cpu: "4" } } };
    expect((await call(apps.POST, "POST", { token: token.lead, params: p(), body: greedy })).status).toBe(201);
    const started = await deploy("deployer", "1.0.0", undefined, "greedy");
    const { release: failed } = await releaseOutcome(started.body.release.id);
    expect(failed.status).toBe("FAILED");
    // Fail fast: the quota's refusal ends the release at once, in its own words.
    expect(failed.error).toMatch(/quota is used up: .*exceeded quota/);
  });

  it("members download a kubeconfig whose token matches their role", async () => {
    const issued = await call(kubeconfig.POST, "POST", { token: token.viewer, params: p(), query: { format: "static" } });
    expect(issued.status).toBe(200);
    expect(issued.headers.get("content-disposition")).toBe(`attachment; filename="slipway-${team}.kubeconfig"`);
    const config = parseYaml(issued.body) as { users: { name: string }[] };
    expect(config.users[0]!.name).toBe(`slipway-${team}-viewer`);
    expect(issued.body).toContain(`namespace: team-${team}`);
  });

  it("a downloaded kubeconfig has the person's rights and dies when they leave the team", async () => {
    const issued = await call(kubeconfig.POST, "POST", { token: token.deployer, params: p(), query: { format: "static" } });
    const config = parseYaml(issued.body) as { users: { name: string; user: { token: string } }[] };
    expect(config.users[0]!.name).toBe(`slipway-${team}-deployer`);
    const kubectl = clientForToken(platform(), config.users[0]!.user.token, { namespace: `team-${team}` });
    const listPods = () => kubectl.call({}, () => kubectl.core.listNamespacedPod({ namespace: `team-${team}` }));
    expect((await listPods()).items.length).toBeGreaterThan(0);
    await expectClusterStatus(
      kubectl.call({}, () => kubectl.core.listNamespacedSecret({ namespace: `team-${team}` })),
      403,
    );

    const deployer = await db().user.findUniqueOrThrow({ where: { email: "deployer@shop.test" } });
    expect((await call(member.DELETE, "DELETE", { token: token.lead, params: p({ userId: deployer.id }) })).status).toBe(200);
    // The API server may accept a deleted account's token for a few seconds (its cache).
    await expect
      .poll(
        () =>
          listPods().then(
            () => "accepted",
            (e: unknown) => (e instanceof K8sError ? e.clusterStatus : e),
          ),
        { timeout: 30_000, interval: 1_000 },
      )
      .toBe(401);
    const revoked = await db().auditEvent.findFirstOrThrow({ where: { action: "kubeconfig.revoke" } });
    expect(revoked).toMatchObject({ actorEmail: "lead@shop.test", targetId: deployer.id, data: { reason: "removed", result: "ok" } });
  });

  it("the audit trail tells the story, and the chain verifies", async () => {
    const events = await db().auditEvent.findMany({
      where: { team: { slug: team }, action: { startsWith: "deploy." }, data: { path: ["app"], equals: "web" } },
      orderBy: { id: "asc" },
      select: { action: true, actorEmail: true },
    });
    // The first three releases, in order (later tests add more).
    expect(events.slice(0, 6)).toEqual([
      { action: "deploy.request", actorEmail: "deployer@shop.test" },
      { action: "deploy.succeeded", actorEmail: "deployer@shop.test" },
      { action: "deploy.request", actorEmail: "deployer@shop.test" },
      { action: "deploy.succeeded", actorEmail: "deployer@shop.test" },
      { action: "deploy.request", actorEmail: "lead@shop.test" },
      { action: "deploy.succeeded", actorEmail: "lead@shop.test" },
    ]);
    expect(await verifyAuditChain({ db: db() })).toMatchObject({ ok: true });
  });
});
