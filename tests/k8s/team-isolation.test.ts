/**
 * The second wall: a team's token can do its work in its own namespace and
 * nothing anywhere else, whatever Slipway itself believes.
 */
import { beforeAll, describe, expect, test } from "vitest";
import {
  applyRelease,
  clientForToken,
  provisionTeam,
  readApp,
  restartDeployment,
  scaleDeployment,
  teamClient,
  type TeamClient,
} from "@/lib/k8s";
import { admin, appSpec, expectClusterStatus, platform, uniqueTeam, expectApplied } from "./helpers";

const teamA = uniqueTeam("iso-a");
const teamB = uniqueTeam("iso-b");
const release = { id: "rel-1", sequence: 1 };
let deployerA: TeamClient;
let viewerA: TeamClient;

beforeAll(async () => {
  const p = platform();
  await Promise.all([provisionTeam(p, teamA), provisionTeam(p, teamB)]);
  deployerA = teamClient(p, teamA.namespace, "deployer");
  viewerA = teamClient(p, teamA.namespace, "viewer");
  // Something to read in B, put there by B's own deployer.
  await applyRelease(teamClient(p, teamB.namespace, "deployer"), { app: appSpec(teamB), release });
});

describe("[k8s] team isolation", () => {
  test("team A's deployer applies and reads in its own namespace", async () => {
    const applied = await expectApplied(applyRelease(deployerA, { app: appSpec(teamA), release }));
    expect(applied).toMatchObject({ namespace: teamA.namespace, name: "web" });
    expect(applied.generation).toBeGreaterThanOrEqual(1);

    const deployment = await deployerA.call({}, () => deployerA.apps.readNamespacedDeployment({ name: "web", namespace: teamA.namespace }));
    expect(deployment.metadata?.labels).toMatchObject({
      "app.kubernetes.io/managed-by": "slipway",
      "slipway.dev/team": teamA.slug,
      "slipway.dev/app": "web",
      "slipway.dev/release": "rel-1",
    });
    const services = await deployerA.call({}, () => deployerA.core.listNamespacedService({ namespace: teamA.namespace }));
    expect(services.items.map((s) => s.metadata?.name)).toEqual(["web"]);
  });

  test("team A's deployer gets 403 for reads, writes, lists and Secrets in namespace B", async () => {
    const b = { namespace: teamB.namespace };
    const read = await expectClusterStatus(
      deployerA.call({ verb: "get", kind: "Deployment", name: "web", ...b }, () =>
        deployerA.apps.readNamespacedDeployment({ name: "web", ...b }),
      ),
      403,
    );
    expect(read).toMatchObject({ code: "FORBIDDEN", reason: "Forbidden", namespace: teamB.namespace });
    expect(read.message).toContain(`namespace "${teamB.namespace}"`);

    await expectClusterStatus(applyRelease(deployerA, { app: appSpec(teamB), release }), 403);
    await expectClusterStatus(
      deployerA.call(b, () => deployerA.core.listNamespacedPod(b)),
      403,
    );
    await expectClusterStatus(
      deployerA.call(b, () => deployerA.core.listNamespacedSecret(b)),
      403,
    );
    await expectClusterStatus(
      deployerA.call(b, () => deployerA.core.readNamespacedSecret({ name: "any", ...b })),
      403,
    );
    await expectClusterStatus(readApp(deployerA, teamB.namespace, "web"), 403);
  });

  test("team A's deployer cannot read Secrets even in its own namespace", async () => {
    const a = { namespace: teamA.namespace };
    await expectClusterStatus(
      deployerA.call(a, () => deployerA.core.listNamespacedSecret(a)),
      403,
    );
  });

  test("team A's deployer cannot create Roles or RoleBindings, nor escalate", async () => {
    const namespace = teamA.namespace;
    await expectClusterStatus(
      deployerA.call({}, () =>
        deployerA.rbac.createNamespacedRole({
          namespace,
          body: { metadata: { name: "mine" }, rules: [{ apiGroups: ["*"], resources: ["*"], verbs: ["*"] }] },
        }),
      ),
      403,
    );
    // Binding itself to cluster-admin, or to the deployer role for another account.
    for (const role of ["cluster-admin", "slipway-team-deployer"]) {
      await expectClusterStatus(
        deployerA.call({}, () =>
          deployerA.rbac.createNamespacedRoleBinding({
            namespace,
            body: {
              metadata: { name: `grab-${role}` },
              roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: role },
              subjects: [{ kind: "ServiceAccount", name: "default", namespace }],
            },
          }),
        ),
        403,
      );
    }
    // Nor may it mint tokens for the team's other accounts.
    await expectClusterStatus(
      deployerA.call({}, () =>
        deployerA.core.createNamespacedServiceAccountToken({
          name: "slipway-deployer",
          namespace,
          body: { spec: { audiences: [] } },
        }),
      ),
      403,
    );
  });

  test("team A's deployer cannot list namespaces", async () => {
    await expectClusterStatus(
      deployerA.call({}, () => deployerA.core.listNamespace()),
      403,
    );
  });

  test("the viewer reads but cannot apply, scale or restart", async () => {
    const view = await readApp(viewerA, teamA.namespace, "web");
    expect(view.deployment?.releaseId).toBe("rel-1");

    await expectClusterStatus(applyRelease(viewerA, { app: appSpec(teamA), release: { id: "rel-2", sequence: 2 } }), 403);
    await expectClusterStatus(scaleDeployment(viewerA, teamA.namespace, "web", 5), 403);
    await expectClusterStatus(restartDeployment(viewerA, teamA.namespace, "web"), 403);

    const after = await admin().call({}, () => admin().apps.readNamespacedDeployment({ name: "web", namespace: teamA.namespace }));
    expect(after.metadata?.labels?.["slipway.dev/release"]).toBe("rel-1");
    expect(after.spec?.replicas).toBe(2);
  });

  test("a token the cluster does not know gets 401, as a cluster error", async () => {
    const stranger = clientForToken(platform(), "not-a-real-token", { namespace: teamA.namespace });
    const error = await expectClusterStatus(
      stranger.call({}, () => stranger.core.listNamespacedPod({ namespace: teamA.namespace })),
      401,
    );
    expect(error.code).toBe("CLUSTER_ERROR");
  });
});
