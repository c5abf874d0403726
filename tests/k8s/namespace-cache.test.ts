/**
 * The namespace's shared watch holds pods and events as well as the workload objects:
 * a pod created shows up, a deleted one goes away, and the app's view (pods, events,
 * resource tree) is built from it without a read per view.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { appView, closeNamespaceCaches, namespaceCache, provisionTeam, type NamespaceCache, type RawObject } from "@/lib/k8s";
import { admin, platform, uniqueTeam } from "./helpers";

const team = uniqueTeam("cache");
let cache: NamespaceCache;

beforeAll(async () => {
  await provisionTeam(platform(), team);
  cache = namespaceCache(platform(), team.namespace);
});

afterAll(() => closeNamespaceCaches());

async function until(check: (objects: (kind: "pods" | "events") => RawObject[]) => boolean, what: string) {
  const started = Date.now();
  for (;;) {
    const { objects, error } = await cache.read();
    if (!error && check(objects)) return;
    if (Date.now() - started > 20_000) throw new Error(`timed out waiting until ${what}`);
    await sleep(100);
  }
}

describe("[k8s] namespace cache", () => {
  test("a pod created shows up with its events; deleted, it goes away", async () => {
    const core = admin().core;
    const changes: number[] = [];
    const unsubscribe = cache.subscribe(() => changes.push(Date.now()), ["pods"]);
    await cache.read();
    await core.createNamespacedPod({
      namespace: team.namespace,
      body: {
        metadata: { name: "solo-1", labels: { "slipway.dev/app": "solo" } },
        spec: {
          containers: [{ name: "solo", image: "registry.example.com/solo:1", resources: { limits: { cpu: "100m", memory: "64Mi" } } }],
        },
      },
    });
    await until((objects) => objects("pods").some((p) => p.metadata?.name === "solo-1"), "the pod shows up");
    await until(() => changes.length > 0, "subscribers to pods hear of it");
    await until(
      (objects) => objects("events").some((e) => (e as { involvedObject?: { name?: string } }).involvedObject?.name === "solo-1"),
      "an event about the pod shows up",
    );

    const { objects } = await cache.read();
    const view = appView(
      {
        deployments: [],
        replicasets: [],
        pods: objects("pods"),
        events: objects("events"),
        services: [],
        ingresses: [],
      },
      "solo",
    );
    expect(view.pods.map((p) => p.name)).toEqual(["solo-1"]);
    expect(view.resources.map((r) => `${r.kind}/${r.name}`)).toEqual(["Pod/solo-1"]);
    expect(view.resources[0]!.yaml).not.toContain("managedFields");
    expect(view.events.some((e) => e.object === "Pod/solo-1")).toBe(true);

    await core.deleteNamespacedPod({ namespace: team.namespace, name: "solo-1", gracePeriodSeconds: 0 });
    await until((objects) => !objects("pods").some((p) => p.metadata?.name === "solo-1"), "the pod goes away");
    unsubscribe();
  });
});
