import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInUser } from "@/lib/auth/sign-in-user";
import { openTestDb, type TestDb } from "../helpers/test-db";

let t: TestDb;
const admins = { emails: ["boss@example.com"], groups: ["platform-admins"] };
const issuer = "https://idp.example.com";

beforeAll(async () => {
  t = await openTestDb();
});
afterAll(() => t.close());

function signIn(identity: {
  subject: string;
  email?: string | null;
  name?: string;
  groups?: string[];
  emailVerified?: boolean;
  issuer?: string;
}) {
  return signInUser({ db: t.prisma, admins, issuer, name: null, email: null, ...identity });
}

describe("[auth] signInUser", () => {
  it("creates a user at the first sign-in", async () => {
    const user = await signIn({ subject: "s-new", email: "New.Person@Example.com", name: "New Person" });
    expect(user).toMatchObject({ issuer, subject: "s-new", email: "new.person@example.com", name: "New Person", isPlatformAdmin: false });
    expect(user.lastLoginAt).toBeInstanceOf(Date);
  });

  it("finds the same person by issuer and subject and updates email and name", async () => {
    const first = await signIn({ subject: "s-moving", email: "old@example.com", name: "Old Name" });
    const again = await signIn({ subject: "s-moving", email: "renamed@example.com", name: "New Name" });
    expect(again).toMatchObject({ id: first.id, email: "renamed@example.com", name: "New Name" });
    expect(again.lastLoginAt!.getTime()).toBeGreaterThanOrEqual(first.lastLoginAt!.getTime());
    expect(await t.prisma.user.count({ where: { subject: "s-moving" } })).toBe(1);
  });

  it("claims the pending user a lead granted access to, keeping its id and memberships", async () => {
    const pending = await t.prisma.user.create({ data: { email: "Invited@example.com" } });
    const team = await t.prisma.team.create({ data: { slug: "claims", name: "Claims", namespace: "team-claims" } });
    await t.prisma.membership.create({ data: { teamId: team.id, userId: pending.id, role: "DEPLOYER" } });

    const user = await signIn({ subject: "s-invited", email: "invited@example.com", name: "Invited" });
    expect(user).toMatchObject({ id: pending.id, issuer, subject: "s-invited", email: "invited@example.com", name: "Invited" });
    expect(await t.prisma.membership.findMany({ where: { userId: user.id }, select: { role: true } })).toEqual([{ role: "DEPLOYER" }]);
  });

  it("does not hand a user who signs in another way to a new identity with the same email", async () => {
    await signIn({ subject: "s-owner", email: "taken@example.com" });
    await expect(signIn({ issuer: "https://other-idp.example.com", subject: "s-owner", email: "taken@example.com" })).rejects.toMatchObject(
      {
        reason: "EmailTaken",
      },
    );
  });

  it("sets the admin flag from the email list and the groups claim, at every sign-in", async () => {
    expect((await signIn({ subject: "s-boss", email: "Boss@example.com" })).isPlatformAdmin).toBe(true);
    expect((await signIn({ subject: "s-ops", email: "ops@example.com", groups: ["platform-admins"] })).isPlatformAdmin).toBe(true);
    expect((await signIn({ subject: "s-ops", email: "ops@example.com", groups: ["devs"] })).isPlatformAdmin).toBe(false);
  });

  it("refuses an identity without an email, or with an unverified one", async () => {
    await expect(signIn({ subject: "s-anon", email: null })).rejects.toMatchObject({ reason: "EmailMissing" });
    await expect(signIn({ subject: "s-anon", email: "  " })).rejects.toMatchObject({ reason: "EmailMissing" });
    await expect(signIn({ subject: "s-anon", email: "anon@example.com", emailVerified: false })).rejects.toMatchObject({
      reason: "EmailUnverified",
    });
    expect(await t.prisma.user.count({ where: { subject: "s-anon" } })).toBe(0);
  });
});
