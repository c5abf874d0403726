import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { expireAccess } from "@/lib/access/expire-access";
import { authorizeUser } from "@/lib/authz/authorize";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { createApiToken } from "@/lib/tokens/create-api-token";
import * as teams from "@/app/api/v1/teams/route";
import * as team from "@/app/api/v1/teams/[team]/route";
import * as apps from "@/app/api/v1/teams/[team]/apps/route";
import * as deploys from "@/app/api/v1/teams/[team]/apps/[app]/deploys/route";
import * as members from "@/app/api/v1/teams/[team]/members/route";
import * as member from "@/app/api/v1/teams/[team]/members/[userId]/route";
import * as requests from "@/app/api/v1/teams/[team]/access-requests/route";
import * as approve from "@/app/api/v1/teams/[team]/access-requests/[requestId]/approve/route";
import * as deny from "@/app/api/v1/teams/[team]/access-requests/[requestId]/deny/route";
import * as settings from "@/app/api/v1/teams/[team]/access-settings/route";
import * as pending from "@/app/api/v1/me/pending-approvals/route";
import * as audit from "@/app/api/v1/audit/route";
import { call } from "../helpers/api";

const tokens: Record<string, string> = {};
const ids: Record<string, string> = {};

async function person(name: string, options: { admin?: boolean } = {}) {
  const user = await db().user.create({
    data: { email: `${name}@example.com`, issuer: "t", subject: name, isPlatformAdmin: options.admin ?? false },
  });
  ids[name] = user.id;
  tokens[name] = (
    await createApiToken.run({ ctx: authorizeUser({ actor: { ...user, via: "session" } }), input: { name: "t", expiresInDays: 1 } })
  ).token;
}

const ask = (who: string, body: Record<string, unknown>, slug = "pay") =>
  call(requests.POST, "POST", { token: tokens[who], params: { team: slug }, body });
const approveAs = (who: string, requestId: string, body: Record<string, unknown> = {}) =>
  call(approve.POST, "POST", { token: tokens[who], params: { team: "pay", requestId }, body });
const membershipOf = (who: string) =>
  db().membership.findFirst({
    where: { userId: ids[who], team: { slug: "pay" } },
    select: { role: true, expiresAt: true, expiresTo: true },
  });
/** Moves the clock: the grant's expiry is now in the past. */
const expireNow = (who: string) =>
  db().membership.updateMany({ where: { userId: ids[who], team: { slug: "pay" } }, data: { expiresAt: new Date(Date.now() - 1000) } });
/** The newest audit event of one kind (the engine may record others meanwhile, e.g. a deploy failing for want of a cluster). */
const lastEvent = (action: string) =>
  db().auditEvent.findFirst({ where: { action }, orderBy: { id: "desc" }, select: { action: true, actorEmail: true, data: true } });

beforeAll(async () => {
  for (const name of ["root", "lea", "leo", "newt", "vic", "nia", "rex"]) await person(name, { admin: name === "root" });
  expect(
    (await call(teams.POST, "POST", { token: tokens.root, body: { slug: "pay", name: "Pay", leadEmail: "lea@example.com" } })).status,
  ).toBe(201);
  await call(members.POST, "POST", { token: tokens.root, params: { team: "pay" }, body: { email: "leo@example.com", role: "LEAD" } });
  await call(members.POST, "POST", { token: tokens.root, params: { team: "pay" }, body: { email: "vic@example.com", role: "VIEWER" } });
  const app = { name: "api", imageRepository: "registry.example.com/pay/api", containerPort: 8080, replicas: 1 };
  expect((await call(apps.POST, "POST", { token: tokens.lea, params: { team: "pay" }, body: app })).status).toBe(201);
});

describe("[access] requests and time-bound grants", () => {
  it("request → approve for one hour → the person can deploy → expiry ends it, audited as expired", async () => {
    const before = await call(deploys.POST, "POST", { token: tokens.newt, params: { team: "pay", app: "api" }, body: { version: "v1" } });
    expect(before.status).toBe(403);

    const asked = await ask("newt", { role: "DEPLOYER", reason: "on call this afternoon", hours: 4 });
    expect(asked).toMatchObject({
      status: 201,
      body: { status: "PENDING", role: "DEPLOYER", hours: 4, requester: { email: "newt@example.com" } },
    });
    const badge = await call(pending.GET, "GET", { token: tokens.lea });
    expect(badge.body).toEqual({ total: 1, teams: [{ team: "pay", pending: 1 }] });
    const listed = await call(requests.GET, "GET", { token: tokens.lea, params: { team: "pay" } });
    expect(listed.body.requests.map((r: { id: string }) => r.id)).toEqual([asked.body.id]);

    const ok = await approveAs("lea", asked.body.id, { hours: 1 });
    expect(ok).toMatchObject({ status: 200, body: { status: "APPROVED", grantedRole: "DEPLOYER", decidedBy: "lea@example.com" } });
    const until = new Date(ok.body.grantedUntil).getTime();
    expect(until - Date.now()).toBeGreaterThan(59 * 60_000);
    expect(until - Date.now()).toBeLessThanOrEqual(60 * 60_000);
    expect(await membershipOf("newt")).toMatchObject({ role: "DEPLOYER", expiresTo: null });

    const deploy = await call(deploys.POST, "POST", { token: tokens.newt, params: { team: "pay", app: "api" }, body: { version: "v1" } });
    expect(deploy.status).toBe(202);
    const list = await call(members.GET, "GET", { token: tokens.newt, params: { team: "pay" } });
    expect(list.body.members).toContainEqual(
      expect.objectContaining({ email: "newt@example.com", expiresAt: ok.body.grantedUntil, expiresTo: null }),
    );

    // Past the expiry, before the sweep: access has already ended, and the lists say so.
    await expireNow("newt");
    expect((await call(team.GET, "GET", { token: tokens.newt, params: { team: "pay" } })).status).toBe(403);
    expect((await call(teams.GET, "GET", { token: tokens.newt })).body.teams).toEqual([]);
    const people = await call(members.GET, "GET", { token: tokens.lea, params: { team: "pay" } });
    expect(people.body.members.map((m: { email: string }) => m.email)).not.toContain("newt@example.com");
    // The activity shows newt only their own doings now, not the team's (lea approved newt's request).
    const seen = await call(audit.GET, "GET", { token: tokens.newt });
    expect(seen.status).toBe(200);
    expect(seen.body.events.map((e: { actorEmail: string | null }) => e.actorEmail)).not.toContain("lea@example.com");
    expect(await expireAccess()).toEqual({ memberships: 1, requests: 0 });
    expect(await membershipOf("newt")).toBeNull();
    expect(await expireAccess()).toEqual({ memberships: 0, requests: 0 });
    const expired = await lastEvent("membership.expire");
    expect(expired).toEqual({
      action: "membership.expire",
      actorEmail: null,
      data: { email: "newt@example.com", role: "DEPLOYER", to: null },
    });
    expect(await badgeCount("lea")).toBe(0);
    expect(await verifyAuditChain({ db: db() })).toMatchObject({ ok: true });
  });

  it("a lead whose grant expires does not count as another lead: the last permanent lead stays", async () => {
    const created = await call(teams.POST, "POST", {
      token: tokens.root,
      body: { slug: "duo", name: "Duo", leadEmail: "lea@example.com" },
    });
    expect(created.status).toBe(201);
    const temporary = await call(members.POST, "POST", {
      token: tokens.root,
      params: { team: "duo" },
      body: { email: "rex@example.com", role: "LEAD", hours: 2 },
    });
    expect(temporary.status).toBe(201);
    const leave = () => call(member.DELETE, "DELETE", { token: tokens.lea, params: { team: "duo", userId: ids.lea! } });
    const refused = await leave();
    expect(refused.status).toBe(409);
    expect(JSON.stringify(refused.body)).toContain("This is the last lead of Duo for good: the other leads' access expires.");
    expect(await db().membership.count({ where: { team: { slug: "duo" }, userId: ids.lea, role: "LEAD" } })).toBe(1);

    const permanent = await call(members.POST, "POST", {
      token: tokens.root,
      params: { team: "duo" },
      body: { email: "leo@example.com", role: "LEAD" },
    });
    expect(permanent.status).toBe(201);
    expect((await leave()).status).toBe(200);
  });

  it("a temporary higher role returns to the previous one; a direct grant can carry an expiry", async () => {
    const asked = await ask("vic", { role: "DEPLOYER", reason: "release day" });
    expect(asked.status).toBe(201);
    const ok = await approveAs("leo", asked.body.id, { hours: 2 });
    expect(ok.status).toBe(200);
    expect(await membershipOf("vic")).toMatchObject({ role: "DEPLOYER", expiresTo: "VIEWER" });
    await expireNow("vic");
    // Before the sweep the lists already show the role it returned to.
    const listed = await call(members.GET, "GET", { token: tokens.lea, params: { team: "pay" } });
    expect(listed.body.members).toContainEqual(
      expect.objectContaining({ email: "vic@example.com", role: "VIEWER", expiresAt: null, expiresTo: null }),
    );
    expect((await call(teams.GET, "GET", { token: tokens.vic })).body.teams).toEqual([
      expect.objectContaining({ slug: "pay", role: "VIEWER" }),
    ]);
    await expireAccess();
    expect(await membershipOf("vic")).toEqual({ role: "VIEWER", expiresAt: null, expiresTo: null });
    expect(await lastEvent("membership.expire")).toMatchObject({ action: "membership.expire", data: { role: "DEPLOYER", to: "VIEWER" } });

    const direct = await call(members.POST, "POST", {
      token: tokens.lea,
      params: { team: "pay" },
      body: { email: "nia@example.com", role: "VIEWER", hours: 3 },
    });
    expect(direct.status).toBe(201);
    expect(new Date(direct.body.expiresAt).getTime() - Date.now()).toBeGreaterThan(2.9 * 3_600_000);
    await expireNow("nia");
    await expireAccess();
    expect(await membershipOf("nia")).toBeNull();
  });

  it("approves a lower role and a shorter time, but never more than asked", async () => {
    const asked = await ask("newt", { role: "DEPLOYER", reason: "fix a bug", hours: 8 });
    const more = await approveAs("lea", asked.body.id, { role: "LEAD" });
    expect(more).toMatchObject({ status: 400, body: { error: { fields: { role: ["must be at most Deployer (what was asked for)"] } } } });
    const longer = await approveAs("lea", asked.body.id, { hours: 9 });
    expect(longer).toMatchObject({ status: 400, body: { error: { fields: { hours: ["must be at most 8 hours (what was asked for)"] } } } });
    const less = await approveAs("lea", asked.body.id, { role: "VIEWER", hours: 2 });
    expect(less).toMatchObject({ status: 200, body: { grantedRole: "VIEWER" } });
    expect(await membershipOf("newt")).toMatchObject({ role: "VIEWER" });
    expect(await lastEvent("access.approve")).toMatchObject({
      action: "access.approve",
      actorEmail: "lea@example.com",
      data: { role: "VIEWER", requested: "DEPLOYER", from: null },
    });
    const again = await approveAs("leo", asked.body.id);
    expect(again).toMatchObject({ status: 409, body: { error: { message: "This request was already approved." } } });
    await expireNow("newt");
    await expireAccess();
  });

  it("deny with a reason; the requester sees one pending request at a time", async () => {
    const asked = await ask("newt", { role: "VIEWER", reason: "curious" });
    const twice = await ask("newt", { role: "VIEWER", reason: "curious" });
    expect(twice).toMatchObject({ status: 409, body: { error: { message: expect.stringMatching(/already asked Pay/) } } });
    const noReason = await call(deny.POST, "POST", { token: tokens.lea, params: { team: "pay", requestId: asked.body.id }, body: {} });
    expect(noReason).toMatchObject({ status: 400, body: { error: { fields: { reason: ["is required"] } } } });
    const denied = await call(deny.POST, "POST", {
      token: tokens.lea,
      params: { team: "pay", requestId: asked.body.id },
      body: { reason: "not this team" },
    });
    expect(denied).toMatchObject({ status: 200, body: { status: "DENIED", decisionReason: "not this team" } });
    expect(await membershipOf("newt")).toBeNull();
    expect(await lastEvent("access.deny")).toMatchObject({
      action: "access.deny",
      actorEmail: "lea@example.com",
      data: { reason: "not this team" },
    });
    // A viewer or outsider may not decide.
    const viewer = await call(deny.POST, "POST", {
      token: tokens.vic,
      params: { team: "pay", requestId: asked.body.id },
      body: { reason: "x" },
    });
    expect(viewer.status).toBe(403);
  });

  it("refuses self-approval, also by a lead or platform admin who asked", async () => {
    const asked = await ask("root", { role: "DEPLOYER", reason: "admin wants in" });
    expect(asked.status).toBe(201);
    const self = await approveAs("root", asked.body.id);
    expect(self).toMatchObject({
      status: 403,
      body: { error: { message: expect.stringMatching(/cannot approve your own access request/) } },
    });
    expect(await db().accessRequest.findUniqueOrThrow({ where: { id: asked.body.id } })).toMatchObject({ status: "PENDING" });
    expect(await badgeCount("lea")).toBe(1);
    expect((await approveAs("lea", asked.body.id)).status).toBe(200);
  });

  it("a pending request expires after its deadline and can no longer be approved", async () => {
    const asked = await ask("newt", { role: "VIEWER", reason: "later" });
    await db().accessRequest.update({ where: { id: asked.body.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const late = await approveAs("lea", asked.body.id);
    expect(late).toMatchObject({
      status: 409,
      body: { error: { message: expect.stringMatching(/expired .* nobody answered it in time/) } },
    });
    expect(await badgeCount("lea")).toBe(0);
    expect(await expireAccess()).toEqual({ memberships: 0, requests: 1 });
    expect(await lastEvent("access.request.expire")).toMatchObject({
      action: "access.request.expire",
      actorEmail: null,
      data: { email: "newt@example.com" },
    });
    expect((await approveAs("lea", asked.body.id)).body.error.message).toBe("This request was already expired.");
    // ...and they may ask again.
    expect((await ask("newt", { role: "VIEWER", reason: "again" })).status).toBe(201);
  });

  it("the team's limit bounds the hours asked for; a lead sets it", async () => {
    const set = await call(settings.PUT, "PUT", { token: tokens.lea, params: { team: "pay" }, body: { accessMaxHours: 24 } });
    expect(set).toMatchObject({ status: 200, body: { accessMaxHours: 24 } });
    const read = await call(settings.GET, "GET", { token: tokens.nia, params: { team: "pay" } });
    expect(read.body).toMatchObject({ accessMaxHours: 24, leads: ["lea@example.com", "leo@example.com"] });
    const long = await ask("nia", { role: "VIEWER", reason: "a week", hours: 48 });
    expect(long).toMatchObject({ status: 400, body: { error: { fields: { hours: ["must be at most 24 hours (Pay's limit)"] } } } });
    const zero = await ask("nia", { role: "VIEWER", reason: "x", hours: 0 });
    expect(zero.body.error.fields).toEqual({ hours: ["must be 1-8760 hours"] });
    const byViewer = await call(settings.PUT, "PUT", { token: tokens.vic, params: { team: "pay" }, body: { accessMaxHours: 2 } });
    expect(byViewer.status).toBe(403);
    const member = await ask("vic", { role: "VIEWER", reason: "x" });
    expect(member).toMatchObject({ status: 409, body: { error: { message: "You are already a Viewer of Pay." } } });
    // A form's blank field is "for good", as an absent one is.
    const blank = await ask("nia", { role: "VIEWER", reason: "x", hours: "" });
    expect(blank).toMatchObject({ status: 201, body: { hours: null } });
    const unknown = await ask("nia", { role: "VIEWER", reason: "x" }, "nope");
    expect(unknown.status).toBe(404);
  });

  it("two sweeps racing expire a grant once", async () => {
    const asked = await ask("rex", { role: "VIEWER", reason: "race", hours: 1 });
    expect((await approveAs("lea", asked.body.id)).status).toBe(200);
    await expireNow("rex");
    const since = (await db().auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } })).id;
    const [a, b] = await Promise.all([expireAccess(), expireAccess()]);
    expect(a.memberships + b.memberships).toBe(1);
    expect(await db().auditEvent.count({ where: { action: "membership.expire", targetId: ids.rex, id: { gt: since } } })).toBe(1);
  });
});

async function badgeCount(who: string): Promise<number> {
  return (await call(pending.GET, "GET", { token: tokens[who] })).body.total;
}
