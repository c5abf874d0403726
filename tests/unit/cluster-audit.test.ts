import { describe, expect, it } from "vitest";
import { appOfWrite, personWrites } from "@/lib/cluster-audit/kube-audit-event";
import { appDrift } from "@/lib/k8s/app-drift";
import { appHealth } from "@/lib/k8s/app-health";
import { buildDeployment, buildService } from "@/lib/k8s/manifests";

const person = "system:serviceaccount:team-a:slipway-person-0123456789abcdef";
const event = (overrides: Record<string, unknown> = {}) => ({
  auditID: "1",
  stage: "ResponseComplete",
  verb: "patch",
  user: { username: person },
  userAgent: "kubectl/v1.34.4",
  objectRef: { resource: "deployments", namespace: "team-a", name: "web" },
  responseStatus: { code: 200 },
  ...overrides,
});

describe("[truth] which audit events are kept", () => {
  it("keeps a person's finished writes and exec attempts, and nothing else", () => {
    const kept = personWrites([
      event(),
      event({ auditID: "2", stage: "ResponseStarted" }),
      event({ auditID: "3", verb: "get" }),
      event({ auditID: "4", verb: "get", objectRef: { resource: "pods", subresource: "exec", namespace: "team-a", name: "web-1" } }),
      event({ auditID: "5", user: { username: "system:serviceaccount:team-a:slipway-deployer" } }),
      event({ auditID: "6", objectRef: { resource: "deployments", namespace: "team-b", name: "web" } }),
      { nonsense: true },
    ]);
    expect(kept.map((w) => w.auditId)).toEqual(["1", "4"]);
    expect(kept[0]).toEqual({
      auditId: "1",
      namespace: "team-a",
      serviceAccount: "slipway-person-0123456789abcdef",
      verb: "patch",
      resource: "deployments",
      name: "web",
      code: 200,
      userAgent: "kubectl/v1.34.4",
    });
  });

  it("names the app a write touched", () => {
    expect(appOfWrite({ resource: "deployments", name: "web" }, ["web", "web-api"])).toBe("web");
    expect(appOfWrite({ resource: "pods", name: "web-api-5d9f-x" }, ["web", "web-api"])).toBe("web-api");
    expect(appOfWrite({ resource: "configmaps", name: "web" }, ["web"])).toBeUndefined();
  });
});

describe("[truth] health and drift", () => {
  const app = {
    team: "a",
    namespace: "team-a",
    name: "web",
    image: "r.example.com/web:1",
    containerPort: 8080,
    replicas: 2,
    env: [{ name: "A", value: "1" }],
    resources: { requests: { cpu: "100m" } },
  };
  const release = { id: "r", sequence: 1 };

  it("is in sync with what the release applied, and lists each drifted field", () => {
    const deployment = buildDeployment(app, release);
    expect(appDrift(app, { deployment, service: buildService(app, release) })).toEqual([]);
    const container = deployment.spec!.template.spec!.containers[0]!;
    container.image = "evil.example.com/x:1";
    container.env = [
      { name: "A", value: "2" },
      { name: "B", value: "x" },
    ];
    deployment.spec!.replicas = 40;
    expect(appDrift(app, { deployment })).toEqual([
      { field: "replicas", expected: "2", live: "40" },
      { field: "image", expected: "r.example.com/web:1", live: "evil.example.com/x:1" },
      { field: "env.A", expected: "1", live: "2" },
      { field: "env.B", expected: null, live: "x" },
      { field: "service", expected: "present", live: null },
    ]);
    expect(appDrift(app, {})[0]).toEqual({ field: "deployment", expected: "present", live: null });
  });

  it("reads Missing, Degraded with the quota reason, Progressing and Healthy", () => {
    expect(appHealth(undefined).state).toBe("Missing");
    const base = { metadata: { generation: 2 }, spec: { replicas: 15 } };
    expect(
      appHealth({
        ...base,
        status: {
          observedGeneration: 2,
          replicas: 5,
          conditions: [
            {
              type: "ReplicaFailure",
              status: "True",
              reason: "FailedCreate",
              message: 'pods "web-1" is forbidden: exceeded quota: slipway, requested: requests.cpu=4',
            },
          ],
        },
      }),
    ).toEqual({ state: "Degraded", reason: "10 of 15 pods cannot start: exceeded quota: slipway, requested: requests.cpu=4" });
    expect(appHealth({ ...base, status: { observedGeneration: 1 } }).state).toBe("Progressing");
    expect(appHealth({ ...base, status: { observedGeneration: 2, replicas: 15, updatedReplicas: 15, availableReplicas: 15 } })).toEqual({
      state: "Healthy",
      reason: "15 of 15 replicas available.",
    });
  });
});
