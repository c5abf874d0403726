/**
 * The authorization matrix: every /api/v1 route (and through it every team and member
 * use-case) against every kind of caller, each cell asserting the exact status.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { createApiToken } from "@/lib/tokens/create-api-token";
import type { Actor } from "@/lib/authz/actor";
import * as teams from "@/app/api/v1/teams/route";
import * as team from "@/app/api/v1/teams/[team]/route";
import * as members from "@/app/api/v1/teams/[team]/members/route";
import * as member from "@/app/api/v1/teams/[team]/members/[userId]/route";
import * as tokens from "@/app/api/v1/tokens/route";
import * as token from "@/app/api/v1/tokens/[tokenId]/route";
import * as me from "@/app/api/v1/me/route";
import * as apps from "@/app/api/v1/teams/[team]/apps/route";
import * as app from "@/app/api/v1/teams/[team]/apps/[app]/route";
import * as releases from "@/app/api/v1/teams/[team]/apps/[app]/releases/route";
import * as provision from "@/app/api/v1/teams/[team]/provision/route";
import { call } from "../helpers/api";

type Caller = "none" | "expired" | "revoked" | "outsider" | "viewer" | "deployer" | "lead" | "otherLead" | "admin";
const CALLERS: Caller[] = ["none", "expired", "revoked", "outsider", "viewer", "deployer", "lead", "otherLead", "admin"];
const tokenOf = {} as Record<Caller, string | undefined>;
const userOf = {} as Record<Caller, { id: string; email: string }>;
let counter = 0;

async function person(email: string, isPlatformAdmin = false) {
  const user = await db().user.create({ data: { email, name: email.split("@")[0]!, isPlatformAdmin, issuer: "test", subject: email } });
  const actor: Actor = { ...user, via: "session" };
  const { token } = await createApiToken({ actor, request: {}, input: { name: "matrix", expiresInDays: 30 } });
  return { user, token };
}

/** A fresh member of alpha, to be changed or removed by one cell. */
async function freshMember() {
  const user = await db().user.create({ data: { email: `member${++counter}@example.com` } });
  const alpha = await db().team.findUniqueOrThrow({ where: { slug: "alpha" } });
  await db().membership.create({ data: { teamId: alpha.id, userId: user.id, role: "VIEWER" } });
  return user.id;
}

const appBody = { name: "web", imageRepository: "registry.example.com/alpha/web", containerPort: 8080, replicas: 1 };

beforeAll(async () => {
  const alpha = await db().team.create({ data: { slug: "alpha", name: "Alpha", namespace: "team-alpha" } });
  const beta = await db().team.create({ data: { slug: "beta", name: "Beta", namespace: "team-beta" } });
  for (const caller of ["outsider", "viewer", "deployer", "lead", "otherLead", "admin", "expired", "revoked"] as const) {
    const { user, token } = await person(`${caller.toLowerCase()}@example.com`, caller === "admin");
    userOf[caller] = user;
    tokenOf[caller] = token;
  }
  const roles = { viewer: "VIEWER", deployer: "DEPLOYER", lead: "LEAD", expired: "LEAD", revoked: "LEAD" } as const;
  for (const [caller, role] of Object.entries(roles)) {
    await db().membership.create({ data: { teamId: alpha.id, userId: userOf[caller as Caller].id, role } });
  }
  await db().membership.create({ data: { teamId: beta.id, userId: userOf.otherLead.id, role: "LEAD" } });
  await db().app.create({ data: { ...appBody, teamId: alpha.id } });
  await db().apiToken.updateMany({ where: { userId: userOf.expired.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
  await db().apiToken.updateMany({ where: { userId: userOf.revoked.id }, data: { revokedAt: new Date() } });
});

const UNAUTHENTICATED = { none: 401, expired: 401, revoked: 401 } as const;
const readers = { ...UNAUTHENTICATED, outsider: 403, viewer: 200, deployer: 200, lead: 200, otherLead: 403, admin: 200 };
const granters = { ...UNAUTHENTICATED, outsider: 403, viewer: 403, deployer: 403, lead: 201, otherLead: 403, admin: 201 };
const changers = { ...granters, lead: 200, admin: 200 };
const writers = { ...UNAUTHENTICATED, outsider: 403, viewer: 403, deployer: 201, lead: 201, otherLead: 403, admin: 201 };
const leadsOnly = { ...UNAUTHENTICATED, outsider: 403, viewer: 403, deployer: 403, lead: 200, otherLead: 403, admin: 200 };
const everyone = { ...UNAUTHENTICATED, outsider: 200, viewer: 200, deployer: 200, lead: 200, otherLead: 200, admin: 200 };

const cases: {
  name: string;
  expected: Record<Caller, number>;
  run: (caller: Caller) => Promise<{ status: number; body: { error?: { code: string } } }>;
}[] = [
  { name: "GET /me", expected: everyone, run: (c) => call(me.GET, "GET", { token: tokenOf[c] }) },
  { name: "GET /teams", expected: everyone, run: (c) => call(teams.GET, "GET", { token: tokenOf[c] }) },
  {
    name: "POST /teams",
    expected: { ...UNAUTHENTICATED, outsider: 403, viewer: 403, deployer: 403, lead: 403, otherLead: 403, admin: 201 },
    run: (c) => call(teams.POST, "POST", { token: tokenOf[c], body: { slug: `new-${c.toLowerCase()}`, name: "New" } }),
  },
  {
    name: "POST /teams/alpha/provision",
    expected: { ...UNAUTHENTICATED, outsider: 403, viewer: 403, deployer: 403, lead: 403, otherLead: 403, admin: 200 },
    run: (c) => call(provision.POST, "POST", { token: tokenOf[c], params: { team: "alpha" } }),
  },
  { name: "GET /teams/alpha", expected: readers, run: (c) => call(team.GET, "GET", { token: tokenOf[c], params: { team: "alpha" } }) },
  {
    name: "GET /teams/alpha/members",
    expected: readers,
    run: (c) => call(members.GET, "GET", { token: tokenOf[c], params: { team: "alpha" } }),
  },
  {
    name: "POST /teams/alpha/members",
    expected: granters,
    run: (c) =>
      call(members.POST, "POST", {
        token: tokenOf[c],
        params: { team: "alpha" },
        body: { email: `grant-${c.toLowerCase()}@example.com`, role: "VIEWER" },
      }),
  },
  {
    name: "PATCH /teams/alpha/members/:id",
    expected: changers,
    run: async (c) =>
      call(member.PATCH, "PATCH", {
        token: tokenOf[c],
        params: { team: "alpha", userId: await freshMember() },
        body: { role: "DEPLOYER" },
      }),
  },
  {
    name: "DELETE /teams/alpha/members/:id",
    expected: changers,
    run: async (c) => call(member.DELETE, "DELETE", { token: tokenOf[c], params: { team: "alpha", userId: await freshMember() } }),
  },
  { name: "GET /teams/alpha/apps", expected: readers, run: (c) => call(apps.GET, "GET", { token: tokenOf[c], params: { team: "alpha" } }) },
  {
    name: "POST /teams/alpha/apps",
    expected: writers,
    run: (c) =>
      call(apps.POST, "POST", { token: tokenOf[c], params: { team: "alpha" }, body: { ...appBody, name: `app-${c.toLowerCase()}` } }),
  },
  {
    name: "GET /teams/alpha/apps/web",
    expected: readers,
    run: (c) => call(app.GET, "GET", { token: tokenOf[c], params: { team: "alpha", app: "web" } }),
  },
  {
    name: "PUT /teams/alpha/apps/web",
    expected: { ...writers, deployer: 200, lead: 200, admin: 200 },
    run: (c) =>
      call(app.PUT, "PUT", { token: tokenOf[c], params: { team: "alpha", app: "web" }, body: { spec: { ...appBody, name: "web" } } }),
  },
  {
    name: "DELETE /teams/alpha/apps/:app (archive)",
    expected: leadsOnly,
    run: async (c) => {
      const name = `old-${++counter}`;
      await db().app.create({ data: { ...appBody, name, teamId: (await db().team.findUniqueOrThrow({ where: { slug: "alpha" } })).id } });
      return call(app.DELETE, "DELETE", { token: tokenOf[c], params: { team: "alpha", app: name } });
    },
  },
  {
    name: "GET /teams/alpha/apps/web/releases",
    expected: readers,
    run: (c) => call(releases.GET, "GET", { token: tokenOf[c], params: { team: "alpha", app: "web" } }),
  },
  { name: "GET /tokens", expected: everyone, run: (c) => call(tokens.GET, "GET", { token: tokenOf[c] }) },
  {
    name: "POST /tokens",
    expected: { ...everyone, outsider: 201, viewer: 201, deployer: 201, lead: 201, otherLead: 201, admin: 201 },
    run: (c) => call(tokens.POST, "POST", { token: tokenOf[c], body: { name: "ci", expiresInDays: 7 } }),
  },
  {
    // Only the owner may revoke; to anyone else the token does not exist.
    name: "DELETE /tokens/:id (the lead's token)",
    expected: { ...UNAUTHENTICATED, outsider: 404, viewer: 404, deployer: 404, lead: 200, otherLead: 404, admin: 404 },
    run: async (c) => {
      const { id } = await createApiToken({
        actor: { ...userOf.lead, name: null, isPlatformAdmin: false, via: "session" },
        request: {},
        input: { name: "x", expiresInDays: 1 },
      });
      return call(token.DELETE, "DELETE", { token: tokenOf[c], params: { tokenId: id } });
    },
  },
];

describe("[authz] /api/v1 matrix", () => {
  for (const { name, expected, run } of cases) {
    for (const caller of CALLERS) {
      it(`${name} as ${caller} -> ${expected[caller]}`, async () => {
        const { status, body } = await run(caller);
        expect(status).toBe(expected[caller]);
        const code = { 401: "UNAUTHENTICATED", 403: "FORBIDDEN", 404: "NOT_FOUND" }[status as 401 | 403 | 404];
        if (code) expect(body.error?.code).toBe(code);
      });
    }
  }

  it("an unknown team is 404 for everyone", async () => {
    expect((await call(team.GET, "GET", { token: tokenOf.admin, params: { team: "nope" } })).status).toBe(404);
    expect((await call(members.POST, "POST", { token: tokenOf.lead, params: { team: "nope" }, body: {} })).status).toBe(404);
  });

  it("checks access before input: an outsider with a bad body learns nothing", async () => {
    const res = await call(members.POST, "POST", { token: tokenOf.outsider, params: { team: "alpha" }, body: { email: "nope" } });
    expect(res.status).toBe(403);
  });

  it("a forbidden answer names the role needed and the team's leads", async () => {
    const res = await call(members.POST, "POST", {
      token: tokenOf.viewer,
      params: { team: "alpha" },
      body: { email: "x@example.com", role: "VIEWER" },
    });
    expect(res.body.error.message).toMatch(
      /You are a Viewer of Alpha; this needs Lead or above\. Ask a lead of Alpha: .*lead@example\.com/,
    );
  });

  it("the audit chain verifies after all of it", async () => {
    expect(await verifyAuditChain({ db: db() })).toMatchObject({ ok: true });
  });
});
