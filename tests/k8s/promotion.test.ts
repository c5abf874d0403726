/**
 * Promotion against the real API server: a release that ran in staging records the
 * digest it ran, and promoting it to production (which requires a second lead's
 * approval) runs that digest with production's replicas.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createApiToken } from "@/lib/tokens/create-api-token";
import { authorizeUser } from "@/lib/authz/authorize";
import { closeNamespaceCaches } from "@/lib/k8s";
import * as teams from "@/app/api/v1/teams/route";
import * as members from "@/app/api/v1/teams/[team]/members/route";
import * as apps from "@/app/api/v1/teams/[team]/apps/route";
import * as deploys from "@/app/api/v1/teams/[team]/apps/[app]/deploys/route";
import * as environments from "@/app/api/v1/teams/[team]/environments/route";
import * as environment from "@/app/api/v1/teams/[team]/environments/[environment]/route";
import * as promotions from "@/app/api/v1/teams/[team]/apps/[app]/promotions/route";
import * as approve from "@/app/api/v1/teams/[team]/apps/[app]/releases/[sequence]/approve/route";
import { admin } from "./helpers";
import { call } from "../helpers/api";
import { releaseOutcome } from "../helpers/release-outcome";

const token: Record<"admin" | "lead" | "second" | "deployer", string> = { admin: "", lead: "", second: "", deployer: "" };
const team = `promo-${Date.now().toString(36)}`;
const params = { team, app: "web" };
const REPO = "registry.example.com/promo/web";
const DIGEST = `sha256:${"e".repeat(64)}`;

beforeAll(async () => {
  for (const who of Object.keys(token) as (keyof typeof token)[]) {
    const user = await db().user.create({
      data: { email: `${who}@promo.test`, isPlatformAdmin: who === "admin", issuer: "t", subject: `promo-${who}` },
    });
    token[who] = (
      await createApiToken.run({ ctx: authorizeUser({ actor: { ...user, via: "session" } }), input: { name: "t", expiresInDays: 1 } })
    ).token;
  }
  const created = await call(teams.POST, "POST", { token: token.admin, body: { slug: team, name: "Promo", leadEmail: "lead@promo.test" } });
  expect(created.status).toBe(201);
  for (const [email, role] of [
    ["second@promo.test", "LEAD"],
    ["deployer@promo.test", "DEPLOYER"],
  ]) {
    expect((await call(members.POST, "POST", { token: token.lead, params: { team }, body: { email, role } })).status).toBe(201);
  }
  const staging = await call(environments.POST, "POST", { token: token.lead, params: { team }, body: { name: "staging" } });
  expect(staging.status).toBe(201);
  const web = { name: "web", imageRepository: REPO, containerPort: 8080, replicas: 1 };
  expect((await call(apps.POST, "POST", { token: token.lead, params: { team }, body: web })).status).toBe(201);
}, 240_000);

afterAll(() => closeNamespaceCaches());

describe("[promotion] staging → production on the cluster", () => {
  // kwok's simulated pods report an empty imageID: there a tag has no digest (a real kubelet reports one).
  it("a release by tag records the digest the pods report, if any", async () => {
    const deployed = await call(deploys.POST, "POST", {
      token: token.deployer,
      params,
      body: { version: "1.0.0", environment: "staging" },
    });
    const { release } = await releaseOutcome(deployed.body.release.id);
    expect(release.status).toBe("SUCCEEDED");
    const pods = await admin().core.listNamespacedPod({ namespace: `team-${team}-staging` });
    const imageIDs = pods.items.flatMap((pod) => pod.status?.containerStatuses?.map((c) => c.imageID ?? "") ?? []);
    const reported = imageIDs.find((id) => /sha256:[0-9a-f]{64}/.test(id));
    expect(release.imageDigest).toBe(reported ? /sha256:[0-9a-f]{64}/.exec(reported)![0] : null);
  });

  it("a release by digest is promoted to production with a second lead's approval; production keeps its replicas", async () => {
    const first = await call(deploys.POST, "POST", { token: token.deployer, params, body: { version: "0.9.0" } });
    expect((await releaseOutcome(first.body.release.id)).release.status).toBe("SUCCEEDED");
    const ran = await call(deploys.POST, "POST", { token: token.deployer, params, body: { version: DIGEST, environment: "staging" } });
    const staged = (await releaseOutcome(ran.body.release.id)).release;
    expect(staged).toMatchObject({ status: "SUCCEEDED", imageDigest: DIGEST });
    // Staging runs 2; production stays at its 1.
    await db().release.update({ where: { id: staged.id }, data: { spec: { ...(staged.spec as object), replicas: 2 } } });

    expect(
      (
        await call(environment.PATCH, "PATCH", {
          token: token.lead,
          params: { team, environment: "production" },
          body: { requiresApproval: true },
        })
      ).status,
    ).toBe(200);
    const promoted = await call(promotions.POST, "POST", { token: token.lead, params, body: { from: "staging", to: "production" } });
    expect(promoted.status).toBe(202);
    expect(promoted.body.release).toMatchObject({ status: "AWAITING_APPROVAL", image: `${REPO}@${DIGEST}` });
    const sequence = String(promoted.body.release.sequence);
    expect((await call(approve.POST, "POST", { token: token.lead, params: { ...params, sequence } })).status).toBe(403);
    const approved = await call(approve.POST, "POST", { token: token.second, params: { ...params, sequence } });
    expect(approved.status).toBe(200);
    expect((await releaseOutcome(promoted.body.release.id)).release.status).toBe("SUCCEEDED");

    const live = await admin().apps.readNamespacedDeployment({ name: "web", namespace: `team-${team}` });
    expect(live.spec?.template.spec?.containers[0]?.image).toBe(`${REPO}@${DIGEST}`);
    expect(live.spec?.replicas).toBe(1);
  });
});
