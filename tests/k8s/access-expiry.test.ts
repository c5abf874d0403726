/**
 * Issue 15: a time-bound grant's kubectl access ends with it. A newcomer asks for
 * Deployer, a lead approves it for an hour, the newcomer's own ServiceAccount token
 * works; once the expiry has passed a new kubeconfig is refused at once, and the sweep
 * deletes the account (so the token stops working), recorded with no actor.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { db } from "@/lib/db";
import { expireAccess } from "@/lib/access/expire-access";
import { authorizeUser } from "@/lib/authz/authorize";
import { createApiToken } from "@/lib/tokens/create-api-token";
import { clientForToken, K8sError, personServiceAccountName } from "@/lib/k8s";
import * as teams from "@/app/api/v1/teams/route";
import * as requests from "@/app/api/v1/teams/[team]/access-requests/route";
import * as approve from "@/app/api/v1/teams/[team]/access-requests/[requestId]/approve/route";
import * as kubeconfig from "@/app/api/v1/teams/[team]/kubeconfig/route";
import { admin, platform } from "./helpers";
import { call } from "../helpers/api";

const team = `expiry-${Date.now().toString(36)}`;
const namespace = `team-${team}`;

async function person(email: string, isPlatformAdmin = false) {
  const user = await db().user.create({ data: { email, isPlatformAdmin, issuer: "t", subject: email } });
  const ctx = authorizeUser({ actor: { ...user, via: "session" } });
  return { user, token: (await createApiToken.run({ ctx, input: { name: "t", expiresInDays: 1 } })).token };
}

/** What the API server answers the token's `list pods`: "accepted" or the HTTP status. */
function podsWith(token: string) {
  const kubectl = clientForToken(platform(), token, { namespace });
  return kubectl
    .call({}, () => kubectl.core.listNamespacedPod({ namespace }))
    .then(
      () => "accepted",
      (e: unknown) => (e instanceof K8sError ? e.clusterStatus : e),
    );
}

let root: Awaited<ReturnType<typeof person>>;
let lead: Awaited<ReturnType<typeof person>>;

beforeAll(async () => {
  root = await person(`admin@${team}.test`, true);
  lead = await person(`lead@${team}.test`);
  const created = await call(teams.POST, "POST", { token: root.token, body: { slug: team, name: "Expiry", leadEmail: lead.user.email } });
  expect(created.body.provisioning).toEqual({ status: "provisioned", namespace });
});

describe("[access] time-bound grants and kubectl", () => {
  it("a person token stops working when the grant expires", async () => {
    const newcomer = await person(`newcomer@${team}.test`);
    const asked = await call(requests.POST, "POST", {
      token: newcomer.token,
      params: { team },
      body: { role: "DEPLOYER", reason: "incident", hours: 1 },
    });
    expect(asked.status).toBe(201);
    const approved = await call(approve.POST, "POST", { token: lead.token, params: { team, requestId: asked.body.id }, body: {} });
    expect(approved).toMatchObject({ status: 200, body: { grantedRole: "DEPLOYER" } });

    const issued = await call(kubeconfig.POST, "POST", { token: newcomer.token, params: { team }, query: { format: "static" } });
    expect(issued.status).toBe(200);
    const personToken = (parseYaml(issued.body) as { users: { user: { token: string } }[] }).users[0]!.user.token;
    expect(await podsWith(personToken)).toBe("accepted");

    // The clock passes the expiry: access ends before the sweep runs...
    await db().membership.updateMany({ where: { userId: newcomer.user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const late = await call(kubeconfig.POST, "POST", { token: newcomer.token, params: { team }, query: { format: "static" } });
    expect(late.status).toBe(403);
    // ...and the sweep ends the membership and the kubectl account.
    expect((await expireAccess()).memberships).toBeGreaterThanOrEqual(1);
    expect(await db().membership.count({ where: { userId: newcomer.user.id } })).toBe(0);
    const account = personServiceAccountName(newcomer.user.id);
    await expect(admin().core.readNamespacedServiceAccount({ name: account, namespace })).rejects.toBeTruthy();
    // The API server may accept a deleted account's token for a few seconds (its cache).
    await expect.poll(() => podsWith(personToken), { timeout: 30_000, interval: 1_000 }).toBe(401);

    const events = await db().auditEvent.findMany({
      where: { team: { slug: team }, targetId: newcomer.user.id, action: { in: ["membership.expire", "kubeconfig.revoke"] } },
      orderBy: { id: "asc" },
      select: { action: true, actorId: true, data: true },
    });
    expect(events).toEqual([
      { action: "membership.expire", actorId: null, data: { email: newcomer.user.email, role: "DEPLOYER", to: null } },
      { action: "kubeconfig.revoke", actorId: null, data: { reason: "expired", result: "ok" } },
    ]);
  });
});
