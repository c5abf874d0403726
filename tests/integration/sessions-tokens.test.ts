/**
 * Issue 11, holes 7 and 11: a token cannot outlive or outrank the credential that made
 * it; sign-out, a change of admin rights and a disabled account end sessions and tokens
 * at once; admin rights follow the configuration through existing tokens.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { authOptions } from "@/lib/auth/options";
import { signInUser } from "@/lib/auth/sign-in-user";
import { reconcilePlatformAdmins } from "@/lib/users/reconcile-platform-admins";
import { authorizeUser } from "@/lib/authz/authorize";
import { createApiToken } from "@/lib/tokens/create-api-token";
import * as tokens from "@/app/api/v1/tokens/route";
import * as tokenRoute from "@/app/api/v1/tokens/[tokenId]/route";
import * as me from "@/app/api/v1/me/route";
import * as teams from "@/app/api/v1/teams/route";
import { sessionCookie } from "../helpers/session";
import { call } from "../helpers/api";

const DAY_MS = 24 * 60 * 60 * 1000;
let person: { id: string; email: string; name: string | null; isPlatformAdmin: boolean };
let oneDay = "";

beforeEach(async () => {
  const email = `p${Math.random().toString(36).slice(2)}@example.com`;
  person = await db().user.create({
    data: { email, issuer: "https://idp.test", subject: email, isPlatformAdmin: true },
    select: { id: true, email: true, name: true, isPlatformAdmin: true },
  });
  oneDay = (
    await createApiToken.run({ ctx: authorizeUser({ actor: { ...person, via: "session" } }), input: { name: "ci", expiresInDays: 1 } })
  ).token;
});

describe("[auth] tokens made with tokens", () => {
  it("expire no later than their parent and die with it", async () => {
    const child = await call(tokens.POST, "POST", { token: oneDay, body: { name: "long", expiresInDays: 365 } });
    expect(child.status).toBe(201);
    expect(new Date(child.body.expiresAt).getTime()).toBeLessThanOrEqual(Date.now() + DAY_MS);
    const grandchild = await call(tokens.POST, "POST", { token: child.body.token, body: { name: "longer", expiresInDays: 365 } });
    expect(grandchild.status).toBe(201);
    expect((await call(me.GET, "GET", { token: grandchild.body.token })).status).toBe(200);

    const parent = await db().apiToken.findFirstOrThrow({ where: { userId: person.id, name: "ci" } });
    expect((await call(tokenRoute.DELETE, "DELETE", { token: oneDay, params: { tokenId: parent.id } })).status).toBe(200);
    for (const token of [child.body.token, grandchild.body.token]) {
      expect((await call(me.GET, "GET", { token })).status).toBe(401);
    }
    const revoke = await db().auditEvent.findFirstOrThrow({ where: { action: "token.revoke", targetId: parent.id } });
    expect(revoke.data).toMatchObject({ derivedRevoked: 2 });
  });

  it("a session's token keeps its own lifetime", async () => {
    const created = await call(tokens.POST, "POST", { session: await sessionCookie(person.id), body: { name: "mine", expiresInDays: 90 } });
    expect(created.status).toBe(201);
    expect(new Date(created.body.expiresAt).getTime()).toBeGreaterThan(Date.now() + 89 * DAY_MS);
  });
});

describe("[auth] sessions end at once", () => {
  it("signing out ends the session cookie (and the person's other sessions)", async () => {
    const cookie = await sessionCookie(person.id);
    const other = await sessionCookie(person.id);
    expect((await call(me.GET, "GET", { session: cookie })).status).toBe(200);
    await authOptions.events!.signOut!({ token: { sub: person.id, sv: 0 }, session: undefined as never });
    expect((await call(me.GET, "GET", { session: cookie })).status).toBe(401);
    expect((await call(me.GET, "GET", { session: other })).status).toBe(401);
    expect((await call(me.GET, "GET", { session: await sessionCookie(person.id, 1) })).status).toBe(200);
  });

  it("an admin taken off the configuration loses admin rights through their token and session", async () => {
    const cookie = await sessionCookie(person.id);
    const body = { slug: `t${Date.now().toString(36)}`, name: "T", leadEmail: person.email };
    expect((await call(me.GET, "GET", { token: oneDay })).body.isPlatformAdmin).toBe(true);

    const outcome = await reconcilePlatformAdmins({ db: db(), admins: { emails: [], groups: [] } });
    expect(outcome.revoked).toContain(person.email);
    expect((await call(me.GET, "GET", { token: oneDay })).body.isPlatformAdmin).toBe(false);
    expect((await call(teams.POST, "POST", { token: oneDay, body })).status).toBe(403);
    expect((await call(me.GET, "GET", { session: cookie })).status).toBe(401);
    const event = await db().auditEvent.findFirstOrThrow({ where: { action: "user.admin", targetId: person.id } });
    expect(event).toMatchObject({ actorId: null, data: { email: person.email, admin: false, reason: "configuration" } });
  });

  it("admin by group is re-derived from the groups of the last sign-in", async () => {
    const admins = { emails: [], groups: ["platform"] };
    await signInUser({ issuer: "https://idp.test", subject: person.email, email: person.email, name: "P", groups: ["platform"], admins });
    expect((await reconcilePlatformAdmins({ db: db(), admins })).revoked).not.toContain(person.email);
    const row = await signInUser({ issuer: "https://idp.test", subject: person.email, email: person.email, name: "P", groups: [], admins });
    expect(row.isPlatformAdmin).toBe(false);
    expect(row.sessionVersion).toBe(1);
  });

  it("a disabled account's tokens, sessions and sign-ins are refused", async () => {
    const cookie = await sessionCookie(person.id);
    await db().user.update({ where: { id: person.id }, data: { disabledAt: new Date() } });
    expect((await call(me.GET, "GET", { token: oneDay })).status).toBe(401);
    expect((await call(me.GET, "GET", { session: cookie })).status).toBe(401);
    await expect(signInUser({ issuer: "https://idp.test", subject: person.email, email: person.email, name: "P" })).rejects.toMatchObject({
      reason: "Disabled",
    });
  });
});
