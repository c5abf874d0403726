/** Shared pieces of the k8s suite: clients for the provided cluster, unique names, an app spec. */
import { randomBytes } from "node:crypto";
import { expect, inject } from "vitest";
import { K8sError, loadPlatformClient, type AppliedRelease, type AppSpec, type PlatformClient, type TeamSpec } from "@/lib/k8s";

/** Slipway's own identity: exactly the slipway-platform ClusterRole. */
export function platform(): PlatformClient {
  return loadPlatformClient({ kubeconfig: inject("cluster").platformKubeconfig });
}

/** cluster-admin, for checking and arranging things Slipway itself may not touch. */
export function admin(): PlatformClient {
  return loadPlatformClient({ kubeconfig: inject("cluster").adminKubeconfig });
}

export function uniqueTeam(prefix: string, quota?: Record<string, string>): TeamSpec {
  const slug = `${prefix}-${randomBytes(3).toString("hex")}`;
  return { slug, namespace: `team-${slug}`, ingressDomains: [`${slug}.apps.example.com`], quota };
}

export function appSpec(team: TeamSpec, overrides: Partial<AppSpec> = {}): AppSpec {
  return {
    team: team.slug,
    namespace: team.namespace,
    name: "web",
    image: "registry.example.com/web:1.0.0",
    containerPort: 8080,
    replicas: 2,
    env: [{ name: "GREETING", value: "hello" }],
    resources: { requests: { cpu: "100m", memory: "64Mi" } },
    ...overrides,
  };
}

/** Asserts that `promise` fails with a K8sError carrying the API server's `status`. */
export async function expectClusterStatus(promise: Promise<unknown>, status: number): Promise<K8sError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, "expected the cluster to refuse").toBeInstanceOf(K8sError);
  expect((error as K8sError).clusterStatus).toBe(status);
  return error as K8sError;
}

/** An apply that must have gone through (not been superseded by a newer release). */
export async function expectApplied(result: Promise<AppliedRelease | { kind: "superseded"; by: number }>): Promise<AppliedRelease> {
  const outcome = await result;
  if (outcome.kind !== "applied") throw new Error(`expected the release to be applied, but #${outcome.by} was there already`);
  return outcome;
}
