/**
 * Invariants of the install manifests (deploy/*.yaml) that the API server would not
 * catch: the objects fit together (selectors, ports, names, the same image) and keep
 * the promises README.md makes (two replicas, restricted pods, probes, no `latest`).
 */
import fs from "node:fs";
import path from "node:path";
import type {
  V1ClusterRoleBinding,
  V1ConfigMap,
  V1Container,
  V1Deployment,
  V1Ingress,
  V1Job,
  V1Namespace,
  V1NetworkPolicy,
  V1PodDisruptionBudget,
  V1PodTemplateSpec,
  V1Service,
} from "@kubernetes/client-node";
import { describe, expect, test } from "vitest";
import { parseEnv } from "@/lib/env";
import { DEPLOY_DIR, findManifest, INSTALL_ORDER, loadManifests } from "@/tests/helpers/deploy-manifests";

const manifests = loadManifests();
const find = <T extends object>(kind: string, name: string) => findManifest(manifests, kind, name) as T;
const deployment = find<V1Deployment>("Deployment", "slipway");
const job = find<V1Job>("Job", "slipway-migrate");
const server = deployment.spec!.template;
const migrate = job.spec!.template;
const serverContainer = server.spec!.containers[0]!;
const migrateContainer = migrate.spec!.containers[0]!;

/** Does this label selector (matchLabels only, as ours are) select these labels? */
function selects(matchLabels: Record<string, string> | undefined, labels: Record<string, string> | undefined): boolean {
  if (!matchLabels || Object.keys(matchLabels).length === 0) return false;
  return Object.entries(matchLabels).every(([key, value]) => labels?.[key] === value);
}

/** What README.md tells people to put in the Secret `slipway`, by key. */
const secretExamples: Record<string, string> = {
  "database-url": "postgresql://slipway:password@db.example.com:5432/slipway",
  "database-owner-url": "postgresql://slipway_owner:password@db.example.com:5432/slipway",
  "nextauth-secret": "a-long-random-string",
  "audit-signing-key": "another-long-random-string-of-32-chars",
  "secret-key": "a-third-long-random-string-of-32-chars",
  "oidc-client-secret": "client-secret",
};

/** The variables a container sees: its ConfigMap's data plus its own env, with example secrets. */
function environmentOf(container: V1Container): Record<string, string> {
  const environment: Record<string, string> = {};
  for (const source of container.envFrom ?? []) {
    Object.assign(environment, find<V1ConfigMap>("ConfigMap", source.configMapRef!.name!).data);
  }
  for (const variable of container.env ?? []) {
    const secret = variable.valueFrom?.secretKeyRef;
    if (secret) expect(secret.name, variable.name).toBe("slipway");
    const value = secret ? secretExamples[secret.key] : variable.value;
    if (value === undefined) throw new Error(`${container.name}: no value for ${variable.name}`);
    environment[variable.name] = value;
  }
  return environment;
}

describe("install manifests", () => {
  test("deploy/ holds exactly the files the install applies", () => {
    const files = fs.readdirSync(DEPLOY_DIR).filter((file) => file.endsWith(".yaml"));
    expect(files.sort()).toEqual([...INSTALL_ORDER].sort());
  });

  test("every namespaced object is in the slipway namespace, which enforces restricted pod security", () => {
    const clusterScoped = [
      "Namespace",
      "ClusterRole",
      "ClusterRoleBinding",
      "ValidatingAdmissionPolicy",
      "ValidatingAdmissionPolicyBinding",
    ];
    for (const { file, object } of manifests) {
      const expected = clusterScoped.includes(object.kind!) ? undefined : "slipway";
      expect(object.metadata?.namespace, `${file}: ${object.kind} ${object.metadata?.name}`).toBe(expected);
    }
    expect(find<V1Namespace>("Namespace", "slipway").metadata?.labels).toMatchObject({
      "pod-security.kubernetes.io/enforce": "restricted",
      "pod-security.kubernetes.io/warn": "restricted",
      "pod-security.kubernetes.io/audit": "restricted",
    });
  });

  test("the server runs at least two replicas, rolls without losing one, and a PDB keeps one up", () => {
    expect(deployment.spec!.replicas).toBeGreaterThanOrEqual(2);
    expect(deployment.spec!.strategy?.rollingUpdate?.maxUnavailable).toBe(0);
    expect(selects(deployment.spec!.selector.matchLabels, server.metadata?.labels)).toBe(true);
    const budget = find<V1PodDisruptionBudget>("PodDisruptionBudget", "slipway");
    expect(budget.spec!.selector?.matchLabels).toEqual(deployment.spec!.selector.matchLabels);
    expect(budget.spec!.maxUnavailable).toBe(1);
  });

  test("the Service and the Ingress reach the server's pods, and only them", () => {
    const service = find<V1Service>("Service", "slipway");
    expect(selects(service.spec!.selector, server.metadata?.labels)).toBe(true);
    expect(selects(service.spec!.selector, migrate.metadata?.labels)).toBe(false);
    const portNames = serverContainer.ports!.map((port) => port.name);
    for (const port of service.spec!.ports!) expect(portNames).toContain(port.targetPort);

    const backends = find<V1Ingress>("Ingress", "slipway").spec!.rules!.flatMap((rule) => rule.http!.paths.map((p) => p.backend.service!));
    for (const backend of backends) {
      expect(backend.name).toBe("slipway");
      expect(service.spec!.ports!.map((port) => port.name)).toContain(backend.port?.name);
    }
  });

  test("both pod templates meet the restricted Pod Security Standard", () => {
    const templates: [string, V1PodTemplateSpec][] = [
      ["server", server],
      ["migrate", migrate],
    ];
    for (const [name, template] of templates) {
      const pod = template.spec!;
      expect(pod.securityContext, name).toMatchObject({ runAsNonRoot: true, seccompProfile: { type: "RuntimeDefault" } });
      expect(pod.securityContext?.runAsUser, name).toBeGreaterThan(0);
      for (const container of [...(pod.initContainers ?? []), ...pod.containers]) {
        expect(container.securityContext, `${name}/${container.name}`).toEqual({
          allowPrivilegeEscalation: false,
          readOnlyRootFilesystem: true,
          capabilities: { drop: ["ALL"] },
        });
      }
    }
  });

  test("the server can write where Next.js writes, on emptyDirs", () => {
    const emptyDirs = new Set(server.spec!.volumes!.filter((volume) => volume.emptyDir).map((volume) => volume.name));
    const writable = serverContainer.volumeMounts!.filter((mount) => emptyDirs.has(mount.name)).map((mount) => mount.mountPath);
    expect(writable.sort()).toEqual(["/app/.next/cache", "/tmp"]);
  });

  test("probes use the health routes on the container's port", () => {
    for (const route of ["healthz", "readyz"]) {
      expect(fs.existsSync(path.resolve(DEPLOY_DIR, "..", "app", "api", route, "route.ts")), route).toBe(true);
    }
    expect(serverContainer.startupProbe?.httpGet).toEqual({ path: "/api/healthz", port: "http" });
    expect(serverContainer.livenessProbe?.httpGet).toEqual({ path: "/api/healthz", port: "http" });
    expect(serverContainer.readinessProbe?.httpGet).toEqual({ path: "/api/readyz", port: "http" });
    expect(serverContainer.ports).toEqual([{ name: "http", containerPort: 3000 }]);
  });

  test("the migration Job and the Deployment run the same pinned image", () => {
    expect(migrateContainer.image).toBe(serverContainer.image);
    const image = serverContainer.image!;
    const tag = image.includes("@") ? undefined : image.split("/").pop()!.split(":")[1];
    expect(image.includes("@sha256:") || (tag !== undefined && tag !== "latest"), image).toBe(true);
    expect(serverContainer.imagePullPolicy ?? "IfNotPresent").not.toBe("Always");
  });

  test("every container has CPU and memory requests and a memory limit", () => {
    for (const container of [serverContainer, migrateContainer]) {
      expect(Object.keys(container.resources?.requests ?? {}).sort(), container.name).toEqual(["cpu", "memory"]);
      expect(container.resources?.limits?.memory, container.name).toBeDefined();
    }
  });

  test("the migration Job runs the bundled runner once, without a Kubernetes credential", () => {
    expect(migrateContainer.command).toEqual(["node", "migrate.cjs"]);
    expect(migrate.spec!.restartPolicy).toBe("Never");
    expect(migrate.spec!.automountServiceAccountToken).toBe(false);
    expect(job.spec!.backoffLimit).toBeGreaterThan(0);
    expect(job.spec!.activeDeadlineSeconds).toBeGreaterThan(0);
  });

  test("the configuration is complete for production and names only variables lib/env knows", () => {
    const { HOSTNAME, ...serverEnvironment } = environmentOf(serverContainer);
    expect(HOSTNAME).toBe("0.0.0.0");
    // The migration runner validates the same settings, so a mistake stops the Job; it
    // runs as the tables' owner, which never holds the audit signing key nor the key that encrypts stored secrets.
    const { SLIPWAY_AUDIT_SIGNING_KEY, SLIPWAY_SECRET_KEY, DATABASE_URL, ...shared } = serverEnvironment;
    expect(SLIPWAY_AUDIT_SIGNING_KEY).toBe(secretExamples["audit-signing-key"]);
    expect(SLIPWAY_SECRET_KEY).toBe(secretExamples["secret-key"]);
    expect(environmentOf(migrateContainer)).toEqual({
      ...shared,
      DATABASE_URL: secretExamples["database-owner-url"],
      SLIPWAY_AUDIT_ANCHOR_STORE: "none",
    });
    expect(DATABASE_URL).toBe(secretExamples["database-url"]);
    const parsed = parseEnv({ ...serverEnvironment, NODE_ENV: "production" });
    for (const name of Object.keys(serverEnvironment)) expect(Object.keys(parsed), name).toContain(name);
    expect(parsed).toMatchObject({ DATABASE_URL: secretExamples["database-url"], NEXTAUTH_URL: "https://slipway.example.com" });
  });

  test("the server runs as the ServiceAccount that rbac.yaml binds to the platform role", () => {
    expect(server.spec!.serviceAccountName).toBe("slipway");
    find("ServiceAccount", "slipway");
    const binding = find<V1ClusterRoleBinding>("ClusterRoleBinding", "slipway-platform");
    expect(binding.roleRef.name).toBe("slipway-platform");
    expect(binding.subjects).toEqual([{ kind: "ServiceAccount", name: "slipway", namespace: "slipway" }]);
  });

  test("NetworkPolicies isolate every pod the manifests create", () => {
    const policies = manifests.filter(({ object }) => object.kind === "NetworkPolicy").map(({ object }) => object as V1NetworkPolicy);
    for (const template of [server, migrate]) {
      const selecting = policies.filter((policy) => selects(policy.spec!.podSelector?.matchLabels, template.metadata?.labels));
      expect(selecting.length, JSON.stringify(template.metadata?.labels)).toBe(1);
      expect(selecting[0]!.spec!.policyTypes).toEqual(["Ingress", "Egress"]);
    }
    const serverPolicy = find<V1NetworkPolicy>("NetworkPolicy", "slipway");
    expect(serverPolicy.spec!.ingress!.flatMap((rule) => rule.ports!.map((port) => port.port))).toEqual(["http"]);
    const egressPorts = serverPolicy.spec!.egress!.flatMap((rule) => rule.ports!.map((port) => port.port));
    expect(egressPorts.sort()).toEqual([443, 5432, 53, 53, 6443].sort());
    expect(find<V1NetworkPolicy>("NetworkPolicy", "slipway-migrate").spec!.ingress).toBeUndefined();
  });
});
