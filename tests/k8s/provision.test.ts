/**
 * Provisioning with the platform credential (exactly deploy/rbac.yaml's
 * slipway-platform role): idempotent, enough to mint team tokens, and no more.
 */
import { describe, expect, test } from "vitest";
import { K8sError, clientForToken, provisionTeam, teamClient, teamToken, type PlatformClient } from "@/lib/k8s";
import { admin, expectClusterStatus, platform, uniqueTeam } from "./helpers";

/** Waits until the API server answers 401 to `token`. */
async function untilRejected(p: PlatformClient, token: string, namespace: string) {
  const raw = clientForToken(p, token, { namespace });
  await expect
    .poll(
      () =>
        raw
          .call({}, () => raw.core.listNamespacedPod({ namespace }))
          .then(
            () => 200,
            (e: K8sError) => e.clusterStatus,
          ),
      { timeout: 20_000, interval: 500 },
    )
    .toBe(401);
}

describe("[k8s] team provisioning", () => {
  test("creates the namespace, accounts, bindings, quota and limits; a second run changes nothing", async () => {
    const team = uniqueTeam("prov");
    const p = platform();
    const first = await provisionTeam(p, team);
    expect(Object.keys(first.resourceVersions).sort()).toEqual([
      "LimitRange/slipway",
      "Namespace/" + team.namespace,
      "ResourceQuota/slipway",
      "RoleBinding/slipway-deployer",
      "RoleBinding/slipway-viewer",
      "ServiceAccount/slipway-deployer",
      "ServiceAccount/slipway-viewer",
    ]);
    const a = admin();
    const namespace = team.namespace;
    // The quota controller writes the quota's status once; after that nothing else moves.
    await expect
      .poll(async () => (await a.call({}, () => a.core.readNamespacedResourceQuota({ name: "slipway", namespace }))).status?.hard, {
        timeout: 10_000,
      })
      .toBeTruthy();
    const second = await provisionTeam(p, team);
    const third = await provisionTeam(p, team);
    expect(third.resourceVersions).toEqual(second.resourceVersions);
    for (const kind of Object.keys(first.resourceVersions).filter((k) => !k.startsWith("ResourceQuota/"))) {
      expect(second.resourceVersions[kind], kind).toBe(first.resourceVersions[kind]);
    }

    const ns = await a.call({}, () => a.core.readNamespace({ name: namespace }));
    expect(ns.metadata?.labels).toMatchObject({ "slipway.dev/team": team.slug, "app.kubernetes.io/managed-by": "slipway" });
    const bindings = await a.call({}, () => a.rbac.listNamespacedRoleBinding({ namespace }));
    expect(
      bindings.items
        .map((b) => `${b.metadata?.name} -> ${b.roleRef.name} for ${b.subjects?.map((s) => `${s.kind}:${s.namespace}/${s.name}`)}`)
        .sort(),
    ).toEqual([
      `slipway-deployer -> slipway-team-deployer for ServiceAccount:${namespace}/slipway-deployer`,
      `slipway-viewer -> slipway-team-viewer for ServiceAccount:${namespace}/slipway-viewer`,
    ]);
    const quota = await a.call({}, () => a.core.readNamespacedResourceQuota({ name: "slipway", namespace }));
    expect(quota.spec?.hard).toMatchObject({ pods: "50", "requests.cpu": "8" });
    const limits = await a.call({}, () => a.core.readNamespacedLimitRange({ name: "slipway", namespace }));
    expect(limits.spec?.limits[0]?.defaultRequest).toEqual({ cpu: "100m", memory: "128Mi" });
  });

  test("the platform credential is refused what it does not need", async () => {
    const team = uniqueTeam("deny");
    const p = platform();
    await provisionTeam(p, team);
    const namespace = team.namespace;

    await expectClusterStatus(
      p.call({}, () => p.core.listNamespacedSecret({ namespace })),
      403,
    );
    await expectClusterStatus(
      p.call({}, () => p.core.readNamespacedSecret({ name: "x", namespace })),
      403,
    );
    await expectClusterStatus(
      p.call({}, () => p.core.listNamespacedPod({ namespace })),
      403,
    );
    await expectClusterStatus(
      p.call({}, () => p.core.listNamespace()),
      403,
    );
    await expectClusterStatus(
      p.call({}, () =>
        p.apps.createNamespacedDeployment({
          namespace,
          body: {
            metadata: { name: "sneaky" },
            spec: {
              selector: { matchLabels: { app: "sneaky" } },
              template: { metadata: { labels: { app: "sneaky" } }, spec: { containers: [{ name: "c", image: "busybox" }] } },
            },
          },
        }),
      ),
      403,
    );
    await expectClusterStatus(
      p.call({}, () => p.core.deleteNamespace({ name: namespace })),
      403,
    );
    await expectClusterStatus(
      p.call({}, () =>
        p.rbac.createClusterRoleBinding({
          body: {
            metadata: { name: "slipway-grab" },
            roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "cluster-admin" },
            subjects: [{ kind: "User", name: "slipway-platform", apiGroup: "rbac.authorization.k8s.io" }],
          },
        }),
      ),
      403,
    );
    // `bind` covers the two team roles only: no RoleBinding to anything stronger.
    for (const role of ["admin", "cluster-admin"]) {
      await expectClusterStatus(
        p.call({}, () =>
          p.rbac.createNamespacedRoleBinding({
            namespace,
            body: {
              metadata: { name: `grant-${role}` },
              roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: role },
              subjects: [{ kind: "ServiceAccount", name: "slipway-deployer", namespace }],
            },
          }),
        ),
        403,
      );
    }
    // Nor may it edit the roles it grants.
    await expectClusterStatus(
      p.call({}, () => p.rbac.patchClusterRole({ name: "slipway-team-deployer", body: [{ op: "add", path: "/rules/-", value: {} }] })),
      403,
    );
  });

  test("team tokens are cached until near expiry; a fresh one can be asked for", async () => {
    const team = uniqueTeam("tok");
    const p = platform();
    await provisionTeam(p, team);
    const first = await teamToken(p, team.namespace, "viewer");
    const again = await teamToken(p, team.namespace, "viewer");
    expect(again.token).toBe(first.token);
    const lifetime = first.expiresAt.getTime() - Date.now();
    expect(lifetime).toBeGreaterThan(14 * 60_000);
    expect(lifetime).toBeLessThanOrEqual(15 * 60_000);

    const fresh = await teamToken(p, team.namespace, "viewer", { fresh: true });
    expect(fresh.token).not.toBe(first.token);
    const deployer = await teamToken(p, team.namespace, "deployer");
    expect(deployer.token).not.toBe(first.token);

    // The API server's floor is 10 minutes.
    const tooShort = await expectClusterStatus(teamToken(p, team.namespace, "viewer", { expirationSeconds: 60, fresh: true }), 422);
    expect(tooShort.code).toBe("INVALID_INPUT");
  });

  test("a cached token that stops working (account recreated) is replaced once; a missing account surfaces", async () => {
    const team = uniqueTeam("rot");
    const p = platform();
    const a = admin();
    await provisionTeam(p, team);
    const namespace = team.namespace;
    const viewer = teamClient(p, namespace, "viewer");
    await viewer.call({}, () => viewer.core.listNamespacedPod({ namespace }));
    const before = await teamToken(p, namespace, "viewer");

    // Deleting the ServiceAccount invalidates every token minted for it, once the
    // API server's 10-second cache of good tokens has let go of it.
    await a.call({}, () => a.core.deleteNamespacedServiceAccount({ name: "slipway-viewer", namespace }));
    await provisionTeam(p, team);
    await untilRejected(p, before.token, namespace);
    const pods = await viewer.call({}, () => viewer.core.listNamespacedPod({ namespace }));
    expect(pods.items).toEqual([]);
    const after = await teamToken(p, namespace, "viewer");
    expect(after.token).not.toBe(before.token);

    // Without the account, minting fails and that error reaches the caller.
    await a.call({}, () => a.core.deleteNamespacedServiceAccount({ name: "slipway-viewer", namespace }));
    await untilRejected(p, after.token, namespace);
    const error = await expectClusterStatus(
      viewer.call({}, () => viewer.core.listNamespacedPod({ namespace })),
      404,
    );
    expect(error).toBeInstanceOf(K8sError);
    expect(error.message).toContain("slipway-viewer");
  });
});
