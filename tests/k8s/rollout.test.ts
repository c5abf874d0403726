/**
 * Releases on the real control plane: kwok's node runs the pods, the Deployment
 * controller reports progress, watchRollout follows it to the end.
 */
import { beforeAll, describe, expect, test } from "vitest";
import {
  K8sError,
  applyRelease,
  provisionTeam,
  readApp,
  restartDeployment,
  scaleDeployment,
  teamClient,
  watchRollout,
  type RolloutStatus,
  type TeamClient,
} from "@/lib/k8s";
import { admin, appSpec, platform, uniqueTeam, expectApplied } from "./helpers";

// Room for the unschedulable app's request, so the quota is not what stops it.
const team = uniqueTeam("roll", { "requests.cpu": "64", "limits.cpu": "64" });
let deployer: TeamClient;

beforeAll(async () => {
  const p = platform();
  await provisionTeam(p, team);
  deployer = teamClient(p, team.namespace, "deployer");
});

describe("[k8s] rollout", () => {
  test("a release becomes available on the kwok node and the watch reports success", async () => {
    const app = appSpec(team, { name: "api", replicas: 2 });
    const applied = await expectApplied(applyRelease(deployer, { app, release: { id: "rel-1", sequence: 1 } }));
    const progress: RolloutStatus[] = [];
    const started = Date.now();
    const status = await watchRollout(deployer, team.namespace, "api", {
      generation: applied.generation,
      onProgress: (s) => progress.push(s),
      timeoutMs: 60_000,
    });
    expect(status).toEqual({
      done: true,
      failed: false,
      reason: "Complete",
      message: "Successfully rolled out.",
      updated: 2,
      available: 2,
      desired: 2,
    });
    expect(progress.at(-1)).toEqual(status);
    expect(Date.now() - started).toBeLessThan(30_000);

    const view = await readApp(deployer, team.namespace, "api");
    expect(view.deployment).toMatchObject({ releaseId: "rel-1", releaseSequence: 1, replicas: 2, image: app.image });
    expect(view.rollout?.done).toBe(true);
    expect(view.pods).toHaveLength(2);
    for (const pod of view.pods) {
      expect(pod).toMatchObject({ phase: "Running", ready: true, restarts: 0, node: "kwok-node-0", releaseId: "rel-1" });
    }
    expect(view.events.map((e) => e.reason)).toContain("ScalingReplicaSet");
    // The local control plane's kwok serves every pod the demo log file (tools/cluster/pod-logs.ts).
    expect(view.logs).toHaveLength(2);
    for (const tail of view.logs) expect(tail.text).toMatch(/level=info/);
    expect(view.resources.map((r) => r.kind)).toEqual(["Deployment", "ReplicaSet", "Pod", "Pod", "Service"]);
    expect(view.resources[0]!.yaml).toContain("kind: Deployment");
  });

  test("a second release rolls the pods over to the new image and release label", async () => {
    const app = appSpec(team, { name: "api", replicas: 2, image: "registry.example.com/web:1.1.0" });
    const applied = await expectApplied(applyRelease(deployer, { app, release: { id: "rel-2", sequence: 2 } }));
    const status = await watchRollout(deployer, team.namespace, "api", { generation: applied.generation, timeoutMs: 60_000 });
    expect(status).toMatchObject({ done: true, failed: false, updated: 2, available: 2 });

    const view = await readApp(deployer, team.namespace, "api");
    expect(view.deployment).toMatchObject({ releaseId: "rel-2", releaseSequence: 2, image: app.image });
    const current = view.pods.filter((p) => p.releaseId === "rel-2");
    expect(current).toHaveLength(2);
  });

  test("an unschedulable release fails with ProgressDeadlineExceeded", async () => {
    // More CPU than the node has: the pods stay Pending.
    const app = appSpec(team, { name: "huge", replicas: 1, resources: { requests: { cpu: "48" } } });
    const applied = await expectApplied(
      applyRelease(deployer, {
        app,
        release: { id: "rel-1", sequence: 1 },
        progressDeadlineSeconds: 5,
      }),
    );
    const started = Date.now();
    const status = await watchRollout(deployer, team.namespace, "huge", { generation: applied.generation, timeoutMs: 60_000 });
    expect(status).toMatchObject({ done: false, failed: true, reason: "ProgressDeadlineExceeded", updated: 1, available: 0 });
    expect(status.message).toMatch(/has timed out progressing/);
    expect(Date.now() - started).toBeLessThan(30_000);

    const view = await readApp(deployer, team.namespace, "huge");
    expect(view.pods.map((p) => p.phase)).toEqual(["Pending"]);
    expect(view.events.some((e) => e.reason === "FailedScheduling" && /Insufficient cpu/.test(e.message))).toBe(true);
  });

  test("the watch gives up after its own timeout, or when the caller stops it, and says which", async () => {
    const app = appSpec(team, { name: "slow", replicas: 1, resources: { requests: { cpu: "48" } } });
    await applyRelease(deployer, { app, release: { id: "rel-1", sequence: 1 }, progressDeadlineSeconds: 600 });

    const started = Date.now();
    const timedOut = await watchRollout(deployer, team.namespace, "slow", { timeoutMs: 2000 }).catch((e: unknown) => e);
    expect(timedOut).toBeInstanceOf(K8sError);
    expect(timedOut).toMatchObject({ reason: "Timeout", code: "UNAVAILABLE" });
    expect((timedOut as K8sError).message).toBe(`The rollout of "slow" in namespace "${team.namespace}" did not finish within 2 s.`);
    expect(Date.now() - started).toBeLessThan(4000);

    const controller = new AbortController();
    setTimeout(() => controller.abort(), 300);
    const aborted = await watchRollout(deployer, team.namespace, "slow", { signal: controller.signal }).catch((e: unknown) => e);
    expect(aborted).toMatchObject({ reason: "Aborted" });
  });

  test("a stop that lands while the Deployment is being read ends the watch then, not when the rollout ends", async () => {
    // The engine's blocker check (a quota refusal seen in the namespace's cache) can abort
    // in that moment; a watch started after it ran until the progress deadline.
    const controller = new AbortController();
    const stopDuringRead = Object.create(deployer) as TeamClient;
    stopDuringRead.call = async (context, operation) => {
      const result = await deployer.call(context, operation);
      if (context.verb === "get") controller.abort();
      return result;
    };
    const started = Date.now();
    const outcome = await watchRollout(stopDuringRead, team.namespace, "slow", { signal: controller.signal, timeoutMs: 60_000 }).catch(
      (e: unknown) => e,
    );
    expect(outcome).toMatchObject({ reason: "Aborted" });
    // Without the check the watch ran to its 60 s limit ("slow" never becomes available).
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  test("scale and restart work with the deployer token", async () => {
    const namespace = team.namespace;
    expect(await scaleDeployment(deployer, namespace, "api", 3)).toEqual({ replicas: 3 });
    const scaled = await watchRollout(deployer, namespace, "api", { timeoutMs: 60_000 });
    expect(scaled).toMatchObject({ done: true, updated: 3, available: 3, desired: 3 });

    const at = new Date("2030-01-02T03:04:05.000Z");
    const before = (await readApp(deployer, namespace, "api")).pods.map((p) => p.name).sort();
    const restarted = await restartDeployment(deployer, namespace, "api", { at });
    const status = await watchRollout(deployer, namespace, "api", { generation: restarted.generation, timeoutMs: 60_000 });
    expect(status).toMatchObject({ done: true, updated: 3, available: 3 });

    const a = admin();
    const deployment = await a.call({}, () => a.apps.readNamespacedDeployment({ name: "api", namespace }));
    expect(deployment.spec?.template.metadata?.annotations?.["kubectl.kubernetes.io/restartedAt"]).toBe(at.toISOString());
    const after = (await readApp(deployer, namespace, "api")).pods;
    expect(after).toHaveLength(3);
    // Every pod was replaced.
    expect(after.filter((p) => before.includes(p.name))).toEqual([]);
  });

  test("an Ingress follows the app's host, and goes when the host does", async () => {
    const namespace = team.namespace;
    const a = admin();
    const withHost = appSpec(team, { name: "site", replicas: 1, host: `site.${team.slug}.apps.example.com` });
    await applyRelease(deployer, { app: withHost, release: { id: "rel-1", sequence: 1 } });
    const ingress = await a.call({}, () => a.networking.readNamespacedIngress({ name: "site", namespace }));
    expect(ingress.spec?.rules?.[0]?.host).toBe(`site.${team.slug}.apps.example.com`);

    await applyRelease(deployer, { app: { ...withHost, host: undefined }, release: { id: "rel-2", sequence: 2 } });
    const list = await a.call({}, () => a.networking.listNamespacedIngress({ namespace }));
    expect(list.items).toEqual([]);
  });

  test("an older release never overwrites a newer one's objects, even when its apply comes last", async () => {
    const namespace = team.namespace;
    const a = admin();
    const image = async () =>
      (await a.call({}, () => a.apps.readNamespacedDeployment({ name: "fence", namespace }))).spec?.template.spec?.containers[0]?.image;
    const version = (v: string) => appSpec(team, { name: "fence", replicas: 1, image: `registry.example.com/fence:${v}` });

    await expectApplied(applyRelease(deployer, { app: version("5"), release: { id: "rel-5", sequence: 5 } }));
    expect(await applyRelease(deployer, { app: version("3"), release: { id: "rel-3", sequence: 3 } })).toEqual({
      kind: "superseded",
      by: 5,
    });
    expect(await image()).toBe("registry.example.com/fence:5");

    // Release 6 reads the Deployment, then release 7 is applied before 6's apply reaches
    // the API server (a worker whose claim lapsed): the resourceVersion 6 read is stale,
    // the API server refuses the write, and the second read finds 7.
    let interleaved = false;
    const racing = new Proxy(deployer, {
      get(target, key, receiver) {
        if (key !== "call") return Reflect.get(target, key, receiver);
        return async (context: { verb?: string; kind?: string }, operation: () => Promise<unknown>) => {
          if (context.verb === "apply" && context.kind === "Deployment" && !interleaved) {
            interleaved = true;
            await expectApplied(applyRelease(deployer, { app: version("7"), release: { id: "rel-7", sequence: 7 } }));
          }
          return target.call(context as never, operation);
        };
      },
    });
    expect(await applyRelease(racing, { app: version("6"), release: { id: "rel-6", sequence: 6 } })).toEqual({
      kind: "superseded",
      by: 7,
    });
    expect(interleaved).toBe(true);
    expect(await image()).toBe("registry.example.com/fence:7");
  });
});
