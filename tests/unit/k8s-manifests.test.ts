import { describe, expect, test } from "vitest";
import { AppError } from "@/lib/errors";
import {
  buildDeployment,
  buildIngress,
  buildLimitRange,
  buildNamespace,
  buildResourceQuota,
  buildRoleBinding,
  buildService,
  buildServiceAccount,
  containerResources,
  type AppSpec,
} from "@/lib/k8s/manifests";

const team = { slug: "payments", namespace: "team-payments", ingressDomains: ["payments.apps.example.com"] };
const app: AppSpec = {
  team: "payments",
  namespace: "team-payments",
  name: "checkout",
  image: "registry.example.com/checkout@sha256:" + "a".repeat(64),
  containerPort: 8080,
  replicas: 3,
  env: [{ name: "MODE", value: "live" }],
  resources: { requests: { cpu: "250m", memory: "256Mi" }, limits: { memory: "512Mi" } },
  healthCheckPath: "/healthz",
};
const release = { id: "rel_42", sequence: 7 };

const appLabels = {
  "app.kubernetes.io/name": "checkout",
  "app.kubernetes.io/managed-by": "slipway",
  "slipway.dev/team": "payments",
  "slipway.dev/app": "checkout",
  "slipway.dev/release": "rel_42",
};

describe("team manifests", () => {
  test("namespace carries the team, Pod Security baseline and its Ingress domains", () => {
    expect(buildNamespace(team)).toEqual({
      apiVersion: "v1",
      kind: "Namespace",
      metadata: {
        name: "team-payments",
        labels: {
          "app.kubernetes.io/managed-by": "slipway",
          "slipway.dev/team": "payments",
          "pod-security.kubernetes.io/enforce": "baseline",
        },
        annotations: { "slipway.dev/ingress-domains": "payments.apps.example.com" },
      },
    });
  });

  test("one ServiceAccount and RoleBinding per role, bound to the team ClusterRoles in the namespace", () => {
    expect(buildServiceAccount(team, "viewer")).toMatchObject({
      kind: "ServiceAccount",
      metadata: { name: "slipway-viewer", namespace: "team-payments" },
      automountServiceAccountToken: false,
    });
    expect(buildRoleBinding(team, "deployer")).toEqual({
      apiVersion: "rbac.authorization.k8s.io/v1",
      kind: "RoleBinding",
      metadata: {
        name: "slipway-deployer",
        namespace: "team-payments",
        labels: { "app.kubernetes.io/managed-by": "slipway", "slipway.dev/team": "payments" },
      },
      roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "slipway-team-deployer" },
      subjects: [{ kind: "ServiceAccount", name: "slipway-deployer", namespace: "team-payments" }],
    });
    expect(buildRoleBinding(team, "viewer").roleRef.name).toBe("slipway-team-viewer");
  });

  test("quota has defaults that a team can override; limit range is in wire format", () => {
    expect(buildResourceQuota({ ...team, quota: { pods: "10" } }).spec?.hard).toEqual({
      pods: "10",
      "requests.cpu": "8",
      "requests.memory": "16Gi",
      "limits.cpu": "16",
      "limits.memory": "32Gi",
    });
    expect(buildLimitRange(team).spec.limits).toEqual([
      { type: "Container", default: { cpu: "500m", memory: "512Mi" }, defaultRequest: { cpu: "100m", memory: "128Mi" } },
    ]);
  });
});

describe("release manifests", () => {
  test("deployment: labels, immutable selector, container, probe, deadline", () => {
    const d = buildDeployment(app, release, { progressDeadlineSeconds: 30 });
    expect(d.metadata).toEqual({
      name: "checkout",
      namespace: "team-payments",
      labels: appLabels,
      annotations: { "slipway.dev/release-sequence": "7" },
    });
    expect(d.spec?.selector).toEqual({ matchLabels: { "slipway.dev/app": "checkout" } });
    expect(d.spec?.replicas).toBe(3);
    expect(d.spec?.progressDeadlineSeconds).toBe(30);
    expect(d.spec?.template.metadata?.labels).toEqual(appLabels);
    expect(d.spec?.template.spec?.containers).toEqual([
      {
        name: "checkout",
        image: app.image,
        ports: [{ name: "http", containerPort: 8080, protocol: "TCP" }],
        env: [{ name: "MODE", value: "live" }],
        resources: { requests: { cpu: "250m", memory: "256Mi" }, limits: { cpu: "250m", memory: "512Mi" } },
        readinessProbe: { httpGet: { path: "/healthz", port: "http" }, periodSeconds: 5 },
      },
    ]);
  });

  test("default progress deadline and no probe without a health-check path", () => {
    const d = buildDeployment({ ...app, healthCheckPath: undefined }, release);
    expect(d.spec?.progressDeadlineSeconds).toBe(300);
    expect(d.spec?.template.spec?.containers[0]).not.toHaveProperty("readinessProbe");
  });

  test("the selector does not change between releases", () => {
    const first = buildDeployment(app, release);
    const second = buildDeployment(app, { id: "rel_43", sequence: 8 });
    expect(second.spec?.selector).toEqual(first.spec?.selector);
    expect(second.spec?.template.metadata?.labels?.["slipway.dev/release"]).toBe("rel_43");
  });

  test("a request without a limit gets the request as limit; no resources stay empty", () => {
    expect(containerResources({ requests: { cpu: "2" } })).toEqual({ requests: { cpu: "2" }, limits: { cpu: "2" } });
    expect(containerResources({})).toEqual({ requests: {}, limits: {} });
  });

  test("service selects the app's pods on the named port", () => {
    expect(buildService(app, release)).toEqual({
      apiVersion: "v1",
      kind: "Service",
      metadata: { name: "checkout", namespace: "team-payments", labels: appLabels },
      spec: {
        type: "ClusterIP",
        selector: { "slipway.dev/app": "checkout" },
        ports: [{ name: "http", port: 80, targetPort: "http", protocol: "TCP" }],
      },
    });
  });

  test("ingress only with a host", () => {
    expect(buildIngress(app, release)).toBeUndefined();
    expect(buildIngress({ ...app, host: "checkout.example.com" }, release)?.spec?.rules).toEqual([
      {
        host: "checkout.example.com",
        http: {
          paths: [{ path: "/", pathType: "Prefix", backend: { service: { name: "checkout", port: { name: "http" } } } }],
        },
      },
    ]);
  });

  test("a release id that cannot be a label value is refused before reaching the cluster", () => {
    expect(() => buildDeployment(app, { id: "not a label!", sequence: 1 })).toThrow(AppError);
    expect(() => buildDeployment(app, { id: "x".repeat(64), sequence: 1 })).toThrow(/label value/);
  });
});
