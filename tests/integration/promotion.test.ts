import { mkdtemp, readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "@/cli/main";
import { startApiServer } from "../helpers/api-server";
import { db } from "@/lib/db";
import { authorizeUser } from "@/lib/authz/authorize";
import { createApiToken } from "@/lib/tokens/create-api-token";
import { claimNextRelease } from "@/lib/engine/release-queue";
import { describeAuditEvent } from "@/lib/audit/describe-audit-event";
import type { AuditEventRow } from "@/lib/audit/query-audit-events";
import * as teams from "@/app/api/v1/teams/route";
import * as apps from "@/app/api/v1/teams/[team]/apps/route";
import * as members from "@/app/api/v1/teams/[team]/members/route";
import * as deploys from "@/app/api/v1/teams/[team]/apps/[app]/deploys/route";
import * as promotions from "@/app/api/v1/teams/[team]/apps/[app]/promotions/route";
import * as approve from "@/app/api/v1/teams/[team]/apps/[app]/releases/[sequence]/approve/route";
import * as reject from "@/app/api/v1/teams/[team]/apps/[app]/releases/[sequence]/reject/route";
import * as environment from "@/app/api/v1/teams/[team]/environments/[environment]/route";
import { call } from "../helpers/api";

const tokens: Record<string, string> = {};
const ids: Record<string, string> = {};
const REPO = "registry.example.com/ship/api";
const DIGEST = `sha256:${"a1".repeat(32)}`;
let appId = "";
const envIds: Record<string, string> = {};
let server: Awaited<ReturnType<typeof startApiServer>>;

async function slipway(who: string, args: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await runCli([...args, "--server", server.url, "--team", "ship"], {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    env: { SLIPWAY_CONFIG_DIR: await mkdtemp(path.join(os.tmpdir(), `slipway-${who}-`)), SLIPWAY_TOKEN: tokens[who] },
    fetch: globalThis.fetch,
    readFile: (file) => readFile(file, "utf8"),
  });
  return { code, stdout, stderr };
}

async function person(name: string, options: { admin?: boolean } = {}) {
  const user = await db().user.create({
    data: { email: `${name}@example.com`, issuer: "t", subject: name, isPlatformAdmin: options.admin ?? false },
  });
  ids[name] = user.id;
  tokens[name] = (
    await createApiToken.run({ ctx: authorizeUser({ actor: { ...user, via: "session" } }), input: { name: "t", expiresInDays: 1 } })
  ).token;
}

const app = { team: "ship", app: "api" };
const promote = (who: string, body: Record<string, unknown>) => call(promotions.POST, "POST", { token: tokens[who], params: app, body });
const deploy = (who: string, body: Record<string, unknown>) => call(deploys.POST, "POST", { token: tokens[who], params: app, body });
const approveAs = (who: string, sequence: number) =>
  call(approve.POST, "POST", { token: tokens[who], params: { ...app, sequence: String(sequence) } });
const settings = (who: string, name: string, body: Record<string, unknown>) =>
  call(environment.PATCH, "PATCH", { token: tokens[who], params: { team: "ship", environment: name }, body });
const eventsOf = (action: string) => db().auditEvent.findMany({ where: { action }, orderBy: { id: "asc" } });
const statusOf = async (sequence: number) =>
  (await db().release.findUniqueOrThrow({ where: { appId_sequence: { appId, sequence } } })).status;

/** A release that ran, as the engine leaves it (the engine itself needs a cluster: tests/k8s). */
async function succeeded(sequence: number, env: string, spec: Record<string, unknown>, imageDigest: string | null) {
  const image = String(spec.image);
  await db().release.create({
    data: {
      appId,
      sequence,
      image,
      spec: { imageRepository: REPO, containerPort: 8080, env: [], resources: {}, ...spec },
      status: "SUCCEEDED",
      environmentId: envIds[env],
      requestedById: ids.dee,
      imageDigest,
      finishedAt: new Date(),
    },
  });
}

afterAll(() => server?.close());

beforeAll(async () => {
  server = await startApiServer();
  for (const name of ["root", "lea", "leo", "dee"]) await person(name, { admin: name === "root" });
  expect(
    (await call(teams.POST, "POST", { token: tokens.root, body: { slug: "ship", name: "Ship", leadEmail: "lea@example.com" } })).status,
  ).toBe(201);
  await call(members.POST, "POST", { token: tokens.root, params: { team: "ship" }, body: { email: "leo@example.com", role: "LEAD" } });
  await call(members.POST, "POST", { token: tokens.root, params: { team: "ship" }, body: { email: "dee@example.com", role: "DEPLOYER" } });
  const body = { name: "api", imageRepository: REPO, containerPort: 8080, replicas: 1 };
  expect((await call(apps.POST, "POST", { token: tokens.lea, params: { team: "ship" }, body })).status).toBe(201);
  const team = await db().team.findUniqueOrThrow({ where: { slug: "ship" } });
  appId = (await db().app.findFirstOrThrow({ where: { teamId: team.id, name: "api" } })).id;
  envIds.production = (await db().environment.findFirstOrThrow({ where: { teamId: team.id, name: "production" } })).id;
  envIds.staging = (await db().environment.create({ data: { teamId: team.id, name: "staging", namespace: "team-ship-staging" } })).id;
  await succeeded(1, "production", { image: `${REPO}:v1`, replicas: 3, host: "api.ship.example.com" }, null);
  await succeeded(2, "staging", { image: `${REPO}:v2`, replicas: 1, env: [{ name: "FEATURE", value: "on" }] }, DIGEST);
  await succeeded(3, "staging", { image: `${REPO}:v3`, replicas: 1 }, null);
});

describe("[promotion] promote, approve, freeze", () => {
  it("promotes the exact digest and spec, keeping the target's replicas and host; audited", async () => {
    const answer = await promote("dee", { from: "staging", to: "production", sequence: 2 });
    expect(answer.status).toBe(202);
    const release = answer.body.release;
    expect(release.image).toBe(`${REPO}@${DIGEST}`);
    expect(release.spec).toMatchObject({ image: `${REPO}@${DIGEST}`, replicas: 3, host: "api.ship.example.com" });
    expect(release.spec.env).toEqual([{ name: "FEATURE", value: "on" }]);
    const row = await db().release.findUniqueOrThrow({ where: { id: release.id }, include: { environment: true } });
    expect(row.environment?.name).toBe("production");
    const [event] = await eventsOf("deploy.promote");
    expect(event!.data).toMatchObject({ app: "api", fromSequence: 2, from: "staging", to: "production", digest: DIGEST });
    const text = describeAuditEvent({ ...event!, team: { slug: "ship", name: "Ship" } } as unknown as AuditEventRow).text;
    expect(text).toContain("promoted api #2 from staging to production");
  });

  it("refuses a release whose digest is unknown, and names missing environments", async () => {
    // The latest succeeded in staging (#3) ran a tag on nodes that reported no digest.
    const unknown = await promote("dee", { from: "staging", to: "production" });
    expect(unknown.status).toBe(409);
    expect(unknown.body.error.message).toMatch(/no digest was recorded/);
    const missing = await promote("dee", { from: "qa", to: "production" });
    expect(missing.status).toBe(404);
    expect(missing.body.error.fields).toEqual({ from: ["is not one of the team's environments"] });
    expect((await promote("dee", { from: "staging", to: "staging" })).status).toBe(400);
  });

  it("approval: a deploy waits, is not claimed, its requester cannot approve it, another lead can", async () => {
    expect((await settings("dee", "production", { requiresApproval: true })).status).toBe(403);
    const set = await settings("lea", "production", { requiresApproval: true });
    expect(set.status).toBe(200);
    expect(set.body.environment).toMatchObject({ name: "production", requiresApproval: true, freezeUntil: null });

    const asked = await promote("leo", { from: "staging", to: "production", sequence: 2 });
    expect(asked.status).toBe(202);
    const { sequence, id } = asked.body.release;
    expect(asked.body.release.status).toBe("AWAITING_APPROVAL");
    expect((await eventsOf("deploy.promote")).at(-1)!.data).toMatchObject({ awaitingApproval: true });
    // The queue does not take it.
    expect(await claimNextRelease("test-worker", [])).not.toBe(id);
    expect(await statusOf(sequence)).toBe("AWAITING_APPROVAL");

    const own = await approveAs("leo", sequence);
    expect(own.status).toBe(403);
    expect(own.body.error.message).toMatch(/another lead must approve it/);
    expect((await approveAs("dee", sequence)).status).toBe(403);

    const approved = await approveAs("lea", sequence);
    expect(approved.status).toBe(200);
    expect(approved.body.release.status).toBe("PENDING");
    expect((await eventsOf("release.approve")).at(-1)).toMatchObject({
      actorEmail: "lea@example.com",
      data: expect.objectContaining({ sequence, environment: "production", requestedBy: "leo@example.com" }),
    });
    expect((await approveAs("lea", sequence)).status).toBe(409);
  });

  it("approval: a platform admin cannot approve their own either; a lead can reject with a reason", async () => {
    const mine = await deploy("root", { version: "v4", environment: "production" });
    expect(mine.body.release.status).toBe("AWAITING_APPROVAL");
    const own = await approveAs("root", mine.body.release.sequence);
    expect(own.status).toBe(403);

    const params = { ...app, sequence: String(mine.body.release.sequence) };
    const noReason = await call(reject.POST, "POST", { token: tokens.lea, params, body: {} });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.fields.reason).toBeDefined();
    const rejected = await call(reject.POST, "POST", { token: tokens.lea, params, body: { reason: "not this week" } });
    expect(rejected.status).toBe(200);
    expect(rejected.body.release).toMatchObject({ status: "FAILED", error: "Rejected by lea@example.com: not this week" });
    expect((await eventsOf("release.reject")).at(-1)!.data).toMatchObject({ reason: "not this week", requestedBy: "root@example.com" });
    await settings("lea", "production", { requiresApproval: false });
  });

  it("freeze: deploys and promotions are refused with the reason; a lead overrides with a reason, audited", async () => {
    const until = new Date(Date.now() + 3_600_000).toISOString();
    expect((await settings("lea", "production", { freezeUntil: until })).status).toBe(400);
    const frozen = await settings("lea", "production", { freezeUntil: until, freezeReason: "quarter close" });
    expect(frozen.status).toBe(200);
    expect(frozen.body.environment).toMatchObject({ freezeUntil: until, freezeReason: "quarter close" });

    const refused = await deploy("dee", { version: "v5", environment: "production" });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain(`production is frozen until ${until}: quarter close`);
    expect((await promote("dee", { from: "staging", to: "production", sequence: 2 })).status).toBe(409);
    // Staging is not frozen.
    expect((await deploy("dee", { version: "v5", environment: "staging" })).status).toBe(202);

    expect((await deploy("dee", { version: "v5", environment: "production", override: true, reason: "hotfix" })).status).toBe(403);
    const noReason = await deploy("lea", { version: "v5", environment: "production", override: true });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.fields).toEqual({ reason: ["is required with override"] });

    const overridden = await promote("lea", { from: "staging", to: "production", sequence: 2, override: true, reason: "hotfix INC-7" });
    expect(overridden.status).toBe(202);
    const [event] = await eventsOf("environment.freeze.override");
    expect(event).toMatchObject({
      actorEmail: "lea@example.com",
      data: expect.objectContaining({
        environment: "production",
        reason: "hotfix INC-7",
        freezeReason: "quarter close",
        frozenUntil: until,
      }),
    });

    expect((await settings("lea", "production", { freezeUntil: null })).body.environment).toMatchObject({ freezeUntil: null });
    expect((await eventsOf("environment.settings")).length).toBeGreaterThanOrEqual(4);
  });

  it("the command line promotes and a second lead approves", async () => {
    await settings("lea", "production", { requiresApproval: true });
    const promoted = await slipway("leo", ["promote", "api", "--from", "staging", "--to", "production", "--sequence", "2"]);
    expect(promoted).toMatchObject({ code: 0, stdout: expect.stringContaining("waits for another lead's approval") });
    const sequence = /release #(\d+)/.exec(promoted.stdout)![1]!;
    expect(await slipway("leo", ["approve", "api", sequence])).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/another lead must approve/),
    });
    expect(await slipway("lea", ["approve", "api", sequence])).toMatchObject({ code: 0, stdout: expect.stringContaining("PENDING") });
    await settings("lea", "production", { requiresApproval: false });
  });

  it("ten deploys at once with one Idempotency-Key: one release with one event, and every answer names it", async () => {
    const headers = { "idempotency-key": "race-0001" };
    const body = { version: "v9", environment: "staging" };
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => call(deploys.POST, "POST", { token: tokens.dee, params: app, body, headers })),
    );
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 202]);
    const rows = await db().release.findMany({ where: { appId, idempotencyKey: "race-0001" } });
    expect(rows).toHaveLength(1);
    expect(new Set(answers.map((answer) => answer.body.release.id))).toEqual(new Set([rows[0]!.id]));
    const events = (await eventsOf("deploy.request")).filter((event) => event.targetId === rows[0]!.id);
    expect(events.map((event) => event.data)).toEqual([
      { app: "api", sequence: rows[0]!.sequence, image: `${REPO}:v9`, environment: "staging" },
    ]);
  });
});
