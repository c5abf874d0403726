/**
 * Issue 11, hole 1: revocation wins every race. A kubeconfig request that passed its
 * access check before a lead removed the person must not leave them a working
 * ServiceAccount (the old code re-created it after the removal deleted it), and
 * concurrent requests plus a removal end without a 500 and without access.
 */
import { beforeAll, describe, expect, it, vi } from "vitest";
import { parse as parseYaml } from "yaml";
import { db } from "@/lib/db";
import { authorizeUser } from "@/lib/authz/authorize";
import { createApiToken } from "@/lib/tokens/create-api-token";
import { clientForToken, K8sError, personServiceAccountName } from "@/lib/k8s";
import * as teams from "@/app/api/v1/teams/route";
import * as members from "@/app/api/v1/teams/[team]/members/route";
import * as member from "@/app/api/v1/teams/[team]/members/[userId]/route";
import * as kubeconfig from "@/app/api/v1/teams/[team]/kubeconfig/route";
import { admin, platform } from "./helpers";
import { call } from "../helpers/api";

/** Runs before the real personToken: the window between the access check and the mint. */
const window = vi.hoisted(() => ({ beforeMint: null as null | (() => Promise<void>) }));
vi.mock("@/lib/k8s", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/k8s")>();
  return {
    ...real,
    personToken: async (...args: Parameters<typeof real.personToken>) => {
      await window.beforeMint?.();
      return real.personToken(...args);
    },
  };
});

const team = `race-${Date.now().toString(36)}`;
const namespace = `team-${team}`;
const token: Record<"admin" | "lead", string> = { admin: "", lead: "" };

async function tokenFor(email: string, isPlatformAdmin = false) {
  const user = await db().user.create({ data: { email, isPlatformAdmin, issuer: "t", subject: email } });
  const ctx = authorizeUser({ actor: { ...user, via: "session" } });
  return { user, token: (await createApiToken.run({ ctx, input: { name: "t", expiresInDays: 1 } })).token };
}

async function accountExists(userId: string): Promise<boolean> {
  const cluster = admin();
  const name = personServiceAccountName(userId);
  return cluster.core.readNamespacedServiceAccount({ name, namespace }).then(
    () => true,
    () => false,
  );
}

/** The API server may accept a deleted account's token for a few seconds (its cache). */
async function expectTokenDead(kubeconfigYaml: string) {
  const config = parseYaml(kubeconfigYaml) as { users: { user: { token: string } }[] };
  const kubectl = clientForToken(platform(), config.users[0]!.user.token, { namespace });
  await expect
    .poll(
      () =>
        kubectl
          .call({}, () => kubectl.core.listNamespacedPod({ namespace }))
          .then(
            () => "accepted",
            (e: unknown) => (e instanceof K8sError ? e.clusterStatus : e),
          ),
      { timeout: 30_000, interval: 1_000 },
    )
    .toBe(401);
}

beforeAll(async () => {
  token.admin = (await tokenFor(`admin@${team}.test`, true)).token;
  token.lead = (await tokenFor(`lead@${team}.test`)).token;
  const created = await call(teams.POST, "POST", {
    token: token.admin,
    body: { slug: team, name: "Race", leadEmail: `lead@${team}.test` },
  });
  expect(created.body.provisioning).toEqual({ status: "provisioned", namespace });
});

async function newMember(name: string, role: "DEPLOYER" | "VIEWER" = "DEPLOYER") {
  const person = await tokenFor(`${name}@${team}.test`);
  const granted = await call(members.POST, "POST", { token: token.lead, params: { team }, body: { email: person.user.email, role } });
  expect(granted.status).toBe(201);
  return person;
}

describe("[access] kubeconfig revocation races", () => {
  it("a removal that lands between the access check and the mint leaves no account behind", async () => {
    const person = await newMember("between");
    window.beforeMint = async () => {
      window.beforeMint = null;
      const removed = await call(member.DELETE, "DELETE", { token: token.lead, params: { team, userId: person.user.id } });
      expect(removed.status).toBe(200);
    };
    const issued = await call(kubeconfig.POST, "POST", { token: person.token, params: { team }, query: { format: "static" } });
    expect(issued.status).toBe(403);
    expect(issued.body.error.message).toMatch(/changed while the kubeconfig was being made/);
    expect(await accountExists(person.user.id)).toBe(false);
    const events = await db().auditEvent.findMany({
      where: {
        team: { slug: team },
        action: { in: ["membership.revoke", "kubeconfig.issue"] },
        OR: [{ targetId: person.user.id }, { actorId: person.user.id }],
      },
      orderBy: { id: "asc" },
      select: { action: true, data: true },
    });
    expect(events).toEqual([
      { action: "membership.revoke", data: expect.objectContaining({ role: "DEPLOYER" }) },
      { action: "kubeconfig.issue", data: expect.objectContaining({ result: "failed", error: "access changed while issuing" }) },
    ]);
  });

  it("a role change in that window refuses the kubeconfig of the old role", async () => {
    const person = await newMember("demoted");
    window.beforeMint = async () => {
      window.beforeMint = null;
      const changed = await call(member.PATCH, "PATCH", {
        token: token.lead,
        params: { team, userId: person.user.id },
        body: { role: "VIEWER" },
      });
      expect(changed.status).toBe(200);
    };
    expect((await call(kubeconfig.POST, "POST", { token: person.token, params: { team }, query: { format: "static" } })).status).toBe(403);
    const again = await call(kubeconfig.POST, "POST", { token: person.token, params: { team }, query: { format: "static" } });
    expect(again.status).toBe(200);
    expect(again.body).toContain(`slipway-${team}-viewer`);
  });

  it("concurrent kubeconfig requests and a removal: no 500, no deadlock, no account, no working token", async () => {
    for (let round = 0; round < 5; round++) {
      const person = await newMember(`round${round}`);
      const requests = Array.from({ length: 4 }, (_, i) =>
        new Promise((resolve) => setTimeout(resolve, i * 15 * round)).then(() =>
          call(kubeconfig.POST, "POST", { token: person.token, params: { team }, query: { format: "static" } }),
        ),
      );
      const removal = new Promise((resolve) => setTimeout(resolve, 20 * round)).then(() =>
        call(member.DELETE, "DELETE", { token: token.lead, params: { team, userId: person.user.id } }),
      );
      const [removed, ...issued] = await Promise.all([removal, ...requests]);
      expect(removed.status).toBe(200);
      for (const answer of issued) expect([200, 403, 404]).toContain(answer.status);
      expect(await accountExists(person.user.id)).toBe(false);
      for (const answer of issued.filter((a) => a.status === 200)) await expectTokenDead(answer.body as string);
      const revoke = await db().auditEvent.findFirstOrThrow({ where: { action: "membership.revoke", targetId: person.user.id } });
      const issuedAfter = await db().auditEvent.count({
        where: { action: "kubeconfig.issue", actorId: person.user.id, id: { gt: revoke.id }, data: { path: ["result"], equals: "ok" } },
      });
      expect(issuedAfter, `round ${round}: a kubeconfig was issued after the removal`).toBe(0);
    }
  });
});
