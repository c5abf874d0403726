/**
 * Two clusters: a second control plane started here is registered as a cluster, a team
 * gets a "staging" environment there, and one app deployed to both environments lands on
 * each environment's own cluster. The registered credential never comes back from any
 * answer, and a check of a cluster nobody answers for says so in words.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { db } from "@/lib/db";
import { createApiToken } from "@/lib/tokens/create-api-token";
import { authorizeUser } from "@/lib/authz/authorize";
import { closeNamespaceCaches, hasClusterStatus, platformClientForServer, type PlatformClient } from "@/lib/k8s";
import { startCluster, type Cluster } from "@/tools/cluster/start-cluster";
import { freePort } from "@/tools/cluster/wait";
import * as teams from "@/app/api/v1/teams/route";
import * as members from "@/app/api/v1/teams/[team]/members/route";
import * as apps from "@/app/api/v1/teams/[team]/apps/route";
import * as deploys from "@/app/api/v1/teams/[team]/apps/[app]/deploys/route";
import * as appEnvironments from "@/app/api/v1/teams/[team]/apps/[app]/environments/route";
import * as status from "@/app/api/v1/teams/[team]/apps/[app]/status/route";
import * as scale from "@/app/api/v1/teams/[team]/apps/[app]/scale/route";
import * as releases from "@/app/api/v1/teams/[team]/apps/[app]/releases/route";
import * as kubeconfig from "@/app/api/v1/teams/[team]/kubeconfig/route";
import * as environments from "@/app/api/v1/teams/[team]/environments/route";
import * as clusters from "@/app/api/v1/admin/clusters/route";
import * as check from "@/app/api/v1/admin/clusters/[cluster]/check/route";
import { admin } from "./helpers";
import { call } from "../helpers/api";
import { releaseOutcome } from "../helpers/release-outcome";

const token: Record<"admin" | "lead" | "deployer", string> = { admin: "", lead: "", deployer: "" };
const team = `two-${Date.now().toString(36)}`;
let second: Cluster;
let secondAdmin: PlatformClient;
let dir: string;
let caPem: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "slipway-k8s-second-"));
  second = await startCluster({ dir, binDir: inject("cluster").binDir, log: (m) => process.stderr.write(`[second cluster] ${m}\n`) });
  caPem = fs.readFileSync(second.caFile, "utf8");
  secondAdmin = platformClientForServer({ name: "second-admin", server: second.server, caData: caPem, token: second.adminToken });
  for (const who of Object.keys(token) as (keyof typeof token)[]) {
    const user = await db().user.create({
      data: { email: `${who}@two.test`, isPlatformAdmin: who === "admin", issuer: "t", subject: who },
    });
    token[who] = (
      await createApiToken.run({ ctx: authorizeUser({ actor: { ...user, via: "session" } }), input: { name: "t", expiresInDays: 1 } })
    ).token;
  }
  const created = await call(teams.POST, "POST", { token: token.admin, body: { slug: team, name: "Two", leadEmail: "lead@two.test" } });
  expect(created.body.provisioning).toEqual({ status: "provisioned", namespace: `team-${team}` });
  const granted = await call(members.POST, "POST", {
    token: token.lead,
    params: { team },
    body: { email: "deployer@two.test", role: "DEPLOYER" },
  });
  expect(granted.status).toBe(201);
}, 240_000);

afterAll(async () => {
  closeNamespaceCaches();
  await second?.stop();
  if (dir && !process.env.SLIPWAY_KEEP_CLUSTER) fs.rmSync(dir, { recursive: true, force: true });
});

async function exists(client: PlatformClient, namespace: string, name: string): Promise<boolean> {
  try {
    await client.call({}, () => client.apps.readNamespacedDeployment({ name, namespace }));
    return true;
  } catch (error) {
    if (hasClusterStatus(error, 404)) return false;
    throw error;
  }
}

describe("[clusters] a second cluster, registered, checked and deployed to", () => {
  it("an admin registers the second cluster; the credential is stored sealed and never answered", async () => {
    const body = { name: "second", server: second.server, caData: caPem, token: second.platformToken };
    expect((await call(clusters.POST, "POST", { token: token.lead, body })).status).toBe(403);
    const registered = await call(clusters.POST, "POST", { token: token.admin, body });
    expect(registered.status).toBe(201);
    expect(registered.body).toEqual({ name: "second", server: second.server, builtIn: false, hasCa: true, createdAt: expect.any(String) });
    const listed = await call(clusters.GET, "GET", { token: token.admin });
    expect(listed.body.clusters.map((c: { name: string }) => c.name)).toEqual(["default", "second"]);
    const again = await call(clusters.POST, "POST", { token: token.admin, body });
    expect(again).toMatchObject({ status: 409, body: { error: { fields: { name: ["is taken"] } } } });

    const row = await db().cluster.findUniqueOrThrow({ where: { name: "second" } });
    expect(row.credentialCiphertext).not.toContain(second.platformToken);
    const audit = await db().auditEvent.findMany({ where: { action: "cluster.register" }, select: { targetId: true, data: true } });
    for (const answer of [registered.body, listed.body, again.body, audit])
      expect(JSON.stringify(answer)).not.toContain(second.platformToken);
  });

  it("the check reports the version, the platform role and the admission policies", async () => {
    const checked = await call(check.POST, "POST", { token: token.admin, params: { cluster: "second" } });
    expect(checked.status).toBe(200);
    expect(checked.body).toMatchObject({
      cluster: "second",
      reachable: true,
      version: expect.stringMatching(/^v1\./),
      platformRole: { bound: true, missing: [] },
      admissionPolicies: { missing: [], unknown: [] },
      problems: [],
    });
    expect(checked.body.admissionPolicies.installed).toHaveLength(5);
    expect(JSON.stringify(checked.body)).not.toContain(second.platformToken);
  });

  it("a check of a cluster that does not answer says it is not reachable", async () => {
    const server = `https://127.0.0.1:${await freePort()}`;
    const body = { name: "gone", server, token: "no-such-credential" };
    expect((await call(clusters.POST, "POST", { token: token.admin, body })).status).toBe(201);
    const checked = await call(check.POST, "POST", { token: token.admin, params: { cluster: "gone" } });
    expect(checked.body).toMatchObject({ cluster: "gone", reachable: false, version: null, platformRole: null, admissionPolicies: null });
    expect(checked.body.problems).toEqual([expect.stringContaining(`The cluster at ${server} is not reachable`)]);
  });

  it("a lead adds a staging environment on the second cluster; its namespace is provisioned there", async () => {
    const body = { name: "staging", cluster: "second" };
    expect((await call(environments.POST, "POST", { token: token.deployer, params: { team }, body })).status).toBe(403);
    const created = await call(environments.POST, "POST", { token: token.lead, params: { team }, body });
    expect(created).toMatchObject({
      status: 201,
      body: { name: "staging", cluster: "second", namespace: `team-${team}-staging`, default: false },
    });
    await secondAdmin.core.readNamespacedServiceAccount({ name: "slipway-deployer", namespace: `team-${team}-staging` });
    const onDefault = admin();
    await expect(onDefault.call({}, () => onDefault.core.readNamespace({ name: `team-${team}-staging` }))).rejects.toMatchObject({
      clusterStatus: 404,
    });
    const unknown = await call(environments.POST, "POST", {
      token: token.lead,
      params: { team },
      body: { name: "qa", cluster: "nowhere" },
    });
    expect(unknown).toMatchObject({ status: 404, body: { error: { fields: { cluster: ["is not a registered cluster"] } } } });
    const listed = await call(environments.GET, "GET", { token: token.deployer, params: { team } });
    expect(listed.body.environments.map((e: { name: string; cluster: string }) => `${e.name}@${e.cluster}`)).toEqual([
      "production@default",
      "staging@second",
    ]);
  });

  it("one app deployed to both environments runs on each environment's own cluster", async () => {
    const web = { name: "web", imageRepository: "registry.example.com/two/web", containerPort: 8080, replicas: 1 };
    expect((await call(apps.POST, "POST", { token: token.lead, params: { team }, body: web })).status).toBe(201);
    const params = { team, app: "web" };
    const toProduction = await call(deploys.POST, "POST", { token: token.deployer, params, body: { version: "1.0.0" } });
    const toStaging = await call(deploys.POST, "POST", {
      token: token.deployer,
      params,
      body: { version: "2.0.0", environment: "staging" },
    });
    expect([toProduction.status, toStaging.status]).toEqual([202, 202]);
    const outcomes = await Promise.all([releaseOutcome(toProduction.body.release.id), releaseOutcome(toStaging.body.release.id)]);
    expect(outcomes.map((o) => o.release.status)).toEqual(["SUCCEEDED", "SUCCEEDED"]);

    expect(await exists(admin(), `team-${team}`, "web")).toBe(true);
    expect(await exists(secondAdmin, `team-${team}-staging`, "web")).toBe(true);
    expect(await exists(secondAdmin, `team-${team}`, "web")).toBe(false);
    const onSecond = await secondAdmin.apps.readNamespacedDeployment({ name: "web", namespace: `team-${team}-staging` });
    expect(onSecond.spec?.template.spec?.containers[0]?.image).toBe("registry.example.com/two/web:2.0.0");

    const side = await call(appEnvironments.GET, "GET", { token: token.deployer, params });
    expect(
      side.body.environments.map((e: { name: string; live: { release: { sequence: number } | null } }) => [
        e.name,
        e.live.release?.sequence,
      ]),
    ).toEqual([
      ["production", toProduction.body.release.sequence],
      ["staging", toStaging.body.release.sequence],
    ]);
    const stagingHistory = await call(releases.GET, "GET", { token: token.deployer, params, query: { environment: "staging" } });
    expect(stagingHistory.body.releases.map((r: { image: string }) => r.image)).toEqual(["registry.example.com/two/web:2.0.0"]);
  });

  it("scale, status and kubeconfig follow the environment", async () => {
    const params = { team, app: "web" };
    const scaled = await call(scale.POST, "POST", { token: token.deployer, params, body: { replicas: 2, environment: "staging" } });
    expect(scaled.body).toEqual({ app: "web", replicas: 2, environment: "staging" });
    expect((await secondAdmin.apps.readNamespacedDeployment({ name: "web", namespace: `team-${team}-staging` })).spec?.replicas).toBe(2);
    expect((await admin().apps.readNamespacedDeployment({ name: "web", namespace: `team-${team}` })).spec?.replicas).toBe(1);
    // The count is staging's own: the app's saved count (production's) stays, and each environment's next deploy keeps its own.
    expect((await db().app.findFirstOrThrow({ where: { name: "web", team: { slug: team } } })).replicas).toBe(1);
    const [again, production] = await Promise.all([
      call(deploys.POST, "POST", { token: token.deployer, params, body: { version: "2.0.1", environment: "staging" } }),
      call(deploys.POST, "POST", { token: token.deployer, params, body: { version: "2.0.1" } }),
    ]);
    const [staged, produced] = await Promise.all([releaseOutcome(again.body.release.id), releaseOutcome(production.body.release.id)]);
    expect([staged.release.status, produced.release.status]).toEqual(["SUCCEEDED", "SUCCEEDED"]);
    expect([(staged.release.spec as { replicas: number }).replicas, (produced.release.spec as { replicas: number }).replicas]).toEqual([
      2, 1,
    ]);
    expect((await secondAdmin.apps.readNamespacedDeployment({ name: "web", namespace: `team-${team}-staging` })).spec?.replicas).toBe(2);
    expect((await admin().apps.readNamespacedDeployment({ name: "web", namespace: `team-${team}` })).spec?.replicas).toBe(1);

    const read = await call(status.GET, "GET", { token: token.deployer, params, query: { environment: "staging" } });
    expect(read.body.view.deployment.image).toBe("registry.example.com/two/web:2.0.1");
    const missing = await call(status.GET, "GET", { token: token.deployer, params, query: { environment: "qa" } });
    expect(missing).toMatchObject({ status: 404, body: { error: { fields: { environment: ["is not one of the team's environments"] } } } });

    const file = await call(kubeconfig.POST, "POST", {
      token: token.deployer,
      params: { team },
      query: { format: "static", environment: "staging" },
    });
    expect(file.status).toBe(200);
    expect(file.body).toContain(`server: ${second.server}`);
    expect(file.body).toContain(`namespace: team-${team}-staging`);
  });
});
