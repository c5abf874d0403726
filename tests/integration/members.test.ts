import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createApiToken } from "@/lib/tokens/create-api-token";
import { authorizeUser } from "@/lib/authz/authorize";
import * as teams from "@/app/api/v1/teams/route";
import * as members from "@/app/api/v1/teams/[team]/members/route";
import * as member from "@/app/api/v1/teams/[team]/members/[userId]/route";
import * as tokens from "@/app/api/v1/tokens/route";
import * as me from "@/app/api/v1/me/route";
import { call } from "../helpers/api";

let admin: string;
let lead: string;
let leadId: string;

beforeAll(async () => {
  const a = await db().user.create({ data: { email: "root@example.com", isPlatformAdmin: true, issuer: "t", subject: "root" } });
  admin = (await createApiToken.run({ ctx: authorizeUser({ actor: { ...a, via: "session" } }), input: { name: "t", expiresInDays: 1 } }))
    .token;
  const l = await db().user.create({ data: { email: "lea@example.com", issuer: "t", subject: "lea" } });
  leadId = l.id;
  lead = (await createApiToken.run({ ctx: authorizeUser({ actor: { ...l, via: "session" } }), input: { name: "t", expiresInDays: 1 } }))
    .token;
});

describe("[teams] creating teams", () => {
  it("creates a team with its first lead, pending until they sign in", async () => {
    const res = await call(teams.POST, "POST", {
      token: admin,
      body: { slug: "payments", name: "Payments", leadEmail: "Lea@Example.com" },
    });
    expect(res.status).toBe(201);
    expect(res.body.team).toMatchObject({ slug: "payments", namespace: "team-payments" });
    expect(res.body.provisioning).toEqual({ status: "skipped", reason: "no cluster is configured" });
    const list = await call(members.GET, "GET", { token: lead, params: { team: "payments" } });
    expect(list.body.members).toEqual([expect.objectContaining({ email: "lea@example.com", role: "LEAD", pending: false })]);
    const actions = await db().auditEvent.findMany({ orderBy: { id: "asc" }, select: { action: true, actorEmail: true } });
    expect(actions.slice(-3)).toEqual([
      { action: "team.create", actorEmail: "root@example.com" },
      { action: "membership.grant", actorEmail: "root@example.com" },
      { action: "team.provision", actorEmail: "root@example.com" },
    ]);
  });

  it("refuses a taken slug and names bad fields", async () => {
    const taken = await call(teams.POST, "POST", { token: admin, body: { slug: "payments", name: "Again" } });
    expect(taken).toMatchObject({ status: 409, body: { error: { code: "CONFLICT", fields: { slug: ["is taken"] } } } });
    const bad = await call(teams.POST, "POST", { token: admin, body: { slug: "Not_A_Label", name: "" } });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(["name", "slug"]);
    expect(bad.body.error.message).toMatch(/slug: must be lowercase letters/);
    expect(await db().team.count({ where: { name: "Again" } })).toBe(0);
  });

  it("refuses an oversized body without reading it all", async () => {
    const res = await call(teams.POST, "POST", { token: admin, body: { slug: "big", name: "x".repeat(2 * 1024 * 1024) } });
    expect(res).toMatchObject({ status: 400, body: { error: { fields: { body: ["must be at most 1 MiB"] } } } });
  });

  it("answers a malformed JSON body with 400", async () => {
    const res = await teams.POST(
      new Request("http://x/api/v1/teams", { method: "POST", headers: { authorization: `Bearer ${admin}` }, body: "{nope" }),
      { params: Promise.resolve({}) },
    );
    expect(res.status).toBe(400);
    expect((await res.json()).error.fields).toEqual({ body: ["must be a JSON object"] });
  });
});

describe("[members] grants", () => {
  it("a pending grant applies when the person first signs in (same user row)", async () => {
    const res = await call(members.POST, "POST", {
      token: lead,
      params: { team: "payments" },
      body: { email: "new@example.com", role: "DEPLOYER" },
    });
    expect(res).toMatchObject({ status: 201, body: { email: "new@example.com", role: "DEPLOYER", pending: true } });
    const again = await call(members.POST, "POST", {
      token: lead,
      params: { team: "payments" },
      body: { email: "new@example.com", role: "VIEWER" },
    });
    expect(again.status).toBe(409);
  });

  it("rejects an unknown role, naming the field", async () => {
    const res = await call(members.POST, "POST", {
      token: lead,
      params: { team: "payments" },
      body: { email: "x@example.com", role: "OWNER" },
    });
    expect(res).toMatchObject({ status: 400, body: { error: { fields: { role: ["must be LEAD, DEPLOYER or VIEWER"] } } } });
  });

  it("the last lead can be neither demoted nor removed; with a second lead they can", async () => {
    const demote = await call(member.PATCH, "PATCH", {
      token: lead,
      params: { team: "payments", userId: leadId },
      body: { role: "VIEWER" },
    });
    expect(demote).toMatchObject({ status: 409, body: { error: { message: expect.stringMatching(/last lead of Payments/) } } });
    const remove = await call(member.DELETE, "DELETE", { token: admin, params: { team: "payments", userId: leadId } });
    expect(remove.status).toBe(409);

    const second = await call(members.POST, "POST", {
      token: lead,
      params: { team: "payments" },
      body: { email: "second@example.com", role: "LEAD" },
    });
    expect(second.status).toBe(201);
    const nowOk = await call(member.PATCH, "PATCH", {
      token: lead,
      params: { team: "payments", userId: leadId },
      body: { role: "VIEWER" },
    });
    expect(nowOk).toMatchObject({ status: 200, body: { role: "VIEWER" } });
    // Now a viewer: the same lead can no longer grant.
    const denied = await call(members.POST, "POST", {
      token: lead,
      params: { team: "payments" },
      body: { email: "z@example.com", role: "VIEWER" },
    });
    expect(denied.status).toBe(403);
  });

  it("concurrent demotions of the only two leads leave one lead", async () => {
    await call(teams.POST, "POST", { token: admin, body: { slug: "race", name: "Race", leadEmail: "r1@example.com" } });
    await call(members.POST, "POST", { token: admin, params: { team: "race" }, body: { email: "r2@example.com", role: "LEAD" } });
    const ids = await db().user.findMany({ where: { email: { in: ["r1@example.com", "r2@example.com"] } }, select: { id: true } });
    const results = await Promise.all(
      ids.map(({ id }) => call(member.PATCH, "PATCH", { token: admin, params: { team: "race", userId: id }, body: { role: "VIEWER" } })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(await db().membership.count({ where: { team: { slug: "race" }, role: "LEAD" } })).toBe(1);
  });
});

describe("[tokens] personal access tokens", () => {
  it("are shown once, stored hashed, and act as their owner", async () => {
    const created = await call(tokens.POST, "POST", { token: lead, body: { name: "ci", expiresInDays: 3 } });
    expect(created.status).toBe(201);
    expect(created.body.token).toMatch(/^slw_[A-Za-z0-9_-]{43}$/);
    const stored = await db().apiToken.findUniqueOrThrow({ where: { id: created.body.id } });
    expect(stored.tokenHash).not.toContain(created.body.token);
    expect(JSON.stringify(await call(tokens.GET, "GET", { token: lead }))).not.toContain(created.body.token);
    expect((await call(me.GET, "GET", { token: created.body.token })).body.email).toBe("lea@example.com");
  });

  it("validate name and expiry", async () => {
    const res = await call(tokens.POST, "POST", { token: lead, body: { name: "", expiresInDays: 1000 } });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual({ name: ["is required"], expiresInDays: ["must be 1-365 days"] });
  });
});
