/**
 * The install manifests (deploy/*.yaml) against a real API server: every object is
 * accepted (server-side dry run: schema, defaults, admission), and the pods the
 * Deployment and the migration Job would create pass the `restricted` Pod Security
 * Standard that the slipway namespace enforces.
 *
 * PodSecurity admission only warns about a Deployment's or a Job's pod template; it
 * enforces on Pods. So each template is also dry-run as a Pod of its own, which the API
 * server refuses outright when it breaks the standard (the last test shows it does).
 */
import { execFile } from "node:child_process";
import path from "node:path";
import type { KubernetesObject, V1Deployment, V1Job, V1Pod, V1PodTemplateSpec } from "@kubernetes/client-node";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { stringify } from "yaml";
import { DEPLOY_DIR, findManifest, INSTALL_ORDER, loadManifests } from "@/tests/helpers/deploy-manifests";

type Run = { code: number; stdout: string; stderr: string };

/** kubectl as the cluster admin; resolves with the exit code instead of throwing. */
function kubectl(args: string[], input?: string): Promise<Run> {
  const cluster = inject("cluster");
  return new Promise((resolve) => {
    const child = execFile(
      path.join(cluster.binDir, "kubectl"),
      [`--kubeconfig=${cluster.adminKubeconfig}`, ...args],
      { timeout: 60_000 },
      (error, stdout, stderr) => resolve({ code: error ? ((error.code as number | undefined) ?? 1) : 0, stdout, stderr }),
    );
    child.stdin?.end(input ?? "");
  });
}

const manifests = loadManifests();
const deployment = findManifest<V1Deployment>(manifests, "Deployment", "slipway");
const job = findManifest<V1Job>(manifests, "Job", "slipway-migrate");

/** The Pod a controller would create from this template (what PodSecurity enforces on). */
function podFrom(name: string, template: V1PodTemplateSpec): V1Pod {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name, namespace: "slipway", labels: template.metadata?.labels },
    spec: template.spec,
  };
}

async function dryRunPod(pod: V1Pod): Promise<Run> {
  return kubectl(["create", "--dry-run=server", "-o", "name", "-f", "-"], stringify(pod));
}

describe("install manifests", () => {
  beforeAll(async () => {
    // Namespaced objects can only be dry-run in a namespace that exists: create it for real.
    const applied = await kubectl(["apply", "-f", path.join(DEPLOY_DIR, "namespace.yaml")]);
    expect(applied.stderr).toBe("");
    // The controller-manager creates a namespace's `default` ServiceAccount, which the
    // migration Job's pods run as, a moment after the namespace.
    for (let attempt = 0; (await kubectl(["-n", "slipway", "get", "serviceaccount", "default"])).code !== 0; attempt++) {
      if (attempt === 100) throw new Error("no default ServiceAccount in namespace slipway");
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  });

  afterAll(async () => {
    await kubectl(["delete", "namespace", "slipway", "--wait=false", "--ignore-not-found"]);
  });

  test.each(INSTALL_ORDER)("the API server accepts deploy/%s without a warning", async (file) => {
    const result = await kubectl(["apply", "--dry-run=server", "-f", path.join(DEPLOY_DIR, file)]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const objects = manifests.filter((manifest) => manifest.file === file).length;
    expect(result.stdout.trim().split("\n")).toHaveLength(objects);
  });

  test("the slipway namespace enforces restricted pod security", async () => {
    const namespace = JSON.parse((await kubectl(["get", "namespace", "slipway", "-o", "json"])).stdout) as KubernetesObject;
    expect(namespace.metadata?.labels?.["pod-security.kubernetes.io/enforce"]).toBe("restricted");
  });

  test("the pods of the Deployment and of the migration Job are admitted under restricted", async () => {
    for (const [name, template] of [
      ["slipway-server", deployment.spec!.template],
      ["slipway-migrate", job.spec!.template],
    ] as const) {
      const result = await dryRunPod(podFrom(name, template));
      expect(result.stderr, name).toBe("");
      expect(result.stdout.trim(), name).toBe(`pod/${name}`);
    }
  });

  test("the in-cluster ServiceAccount holds the platform role, and only it", async () => {
    const can = async (verb: string, resource: string) =>
      (await kubectl(["auth", "can-i", verb, resource, "-n", "team-any", "--as=system:serviceaccount:slipway:slipway"])).stdout.trim();
    expect(await can("create", "serviceaccounts/token")).toBe("yes");
    expect(await can("get", "secrets")).toBe("no");
    expect(await can("create", "deployments.apps")).toBe("no");
  });

  test("the same checks refuse a pod that may run as root or escalate (the test can fail)", async () => {
    const template = structuredClone(deployment.spec!.template);
    delete template.spec!.securityContext;
    delete template.spec!.containers[0]!.securityContext;

    const pod = await dryRunPod(podFrom("not-restricted", template));
    expect(pod.code).not.toBe(0);
    expect(pod.stderr).toContain('violates PodSecurity "restricted:latest"');

    const unsafeDeployment = { ...deployment, spec: { ...deployment.spec!, template } };
    const warned = await kubectl(["apply", "--dry-run=server", "-f", "-"], stringify(unsafeDeployment));
    expect(warned.code).toBe(0);
    expect(warned.stderr).toContain('would violate PodSecurity "restricted:latest"');
  });
});
