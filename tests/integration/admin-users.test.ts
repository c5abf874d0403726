/**
 * Issue 11, hole 11: platform admins disable a person (sessions and tokens refused at
 * once) and re-link one whose IdP subject changed, through the API; both audited.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { signInUser } from "@/lib/auth/sign-in-user";
import { authorizeUser } from "@/lib/authz/authorize";
import { createApiToken } from "@/lib/tokens/create-api-token";
import * as users from "@/app/api/v1/admin/users/route";
import * as user from "@/app/api/v1/admin/users/[userId]/route";
import * as identity from "@/app/api/v1/admin/users/[userId]/identity/route";
import * as me from "@/app/api/v1/me/route";
import { sessionCookie } from "../helpers/session";
import { call } from "../helpers/api";

const ISSUER = "https://idp.test";
let admin = "";
let adminId = "";

async function person(email: string, isPlatformAdmin = false) {
  const row = await db().user.create({ data: { email, issuer: ISSUER, subject: `old-${email}`, isPlatformAdmin } });
  const ctx = authorizeUser({ actor: { ...row, via: "session" } });
  return { row, token: (await createApiToken.run({ ctx, input: { name: "t", expiresInDays: 1 } })).token };
}

beforeAll(async () => {
  const a = await person("root@example.com", true);
  admin = a.token;
  adminId = a.row.id;
});

describe("[admin] users", () => {
  it("lists people for admins only", async () => {
    const other = await person("someone@example.com");
    expect((await call(users.GET, "GET", { token: other.token })).status).toBe(403);
    const listed = await call(users.GET, "GET", { token: admin });
    expect(listed.status).toBe(200);
    expect(listed.body.users.map((u: { email: string }) => u.email)).toContain("someone@example.com");
  });

  it("disabling ends a person's sessions and tokens at once; enabling lets them back", async () => {
    const p = await person("leaver@example.com");
    const cookie = await sessionCookie(p.row.id);
    expect((await call(me.GET, "GET", { token: p.token })).status).toBe(200);
    const disabled = await call(user.PATCH, "PATCH", { token: admin, params: { userId: p.row.id }, body: { disabled: true } });
    expect(disabled.status).toBe(200);
    expect(disabled.body.disabledAt).not.toBeNull();
    expect((await call(me.GET, "GET", { token: p.token })).status).toBe(401);
    expect((await call(me.GET, "GET", { session: cookie })).status).toBe(401);
    expect(
      (await call(user.PATCH, "PATCH", { token: admin, params: { userId: p.row.id }, body: { disabled: false } })).body.disabledAt,
    ).toBeNull();
    expect((await call(me.GET, "GET", { token: p.token })).status).toBe(200);
    const events = await db().auditEvent.findMany({ where: { action: "user.disable", targetId: p.row.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.data)).toEqual([
      { email: "leaver@example.com", disabled: true },
      { email: "leaver@example.com", disabled: false },
    ]);
    expect((await call(user.PATCH, "PATCH", { token: admin, params: { userId: adminId }, body: { disabled: true } })).status).toBe(409);
  });

  it("re-links a person whose IdP subject changed: their next sign-in claims their row", async () => {
    const p = await person("moved@example.com");
    const signIn = () => signInUser({ issuer: ISSUER, subject: "new-subject", email: "moved@example.com", name: "Moved" });
    await expect(signIn()).rejects.toMatchObject({ reason: "EmailTaken" });
    const unlinked = await call(identity.DELETE, "DELETE", { token: admin, params: { userId: p.row.id } });
    expect(unlinked.status).toBe(200);
    expect(unlinked.body).toMatchObject({ issuer: null, subject: null });
    expect((await signIn()).id).toBe(p.row.id);
    const event = await db().auditEvent.findFirstOrThrow({ where: { action: "user.relink", targetId: p.row.id } });
    expect(event.data).toEqual({ email: "moved@example.com", previousIssuer: ISSUER, previousSubject: "old-moved@example.com" });
  });
});
