import { describe, expect, test } from "vitest";
import { rolloutBlocker } from "@/lib/k8s";

const rs = (name: string, message: string) => ({
  type: "Warning",
  reason: "FailedCreate",
  message,
  involvedObject: { kind: "ReplicaSet", name },
});
const waiting = (reason: string, message = "") => ({
  metadata: { name: "api-1" },
  status: { containerStatuses: [{ name: "api", state: { waiting: { reason, message } } }] },
});

describe("rolloutBlocker", () => {
  test("a quota refusal of this release's ReplicaSet is named as such", () => {
    const cause = rolloutBlocker({
      replicaSets: ["api-abc"],
      events: [rs("api-abc", 'pods "api-abc-x" is forbidden: exceeded quota: slipway, requested: pods=1, used: pods=2, limited: pods=2')],
      pods: [],
    });
    expect(cause).toMatch(/^The team's quota is used up: pods "api-abc-x" is forbidden: exceeded quota/);
  });

  test("an admission refusal is named with the policy's words", () => {
    const message = `pods "api-abc-x" is forbidden: ValidatingAdmissionPolicy 'slipway-replicas' denied request: too many`;
    expect(rolloutBlocker({ replicaSets: ["api-abc"], events: [rs("api-abc", message)], pods: [] })).toBe(
      `The cluster refused the pods: ${message}`,
    );
  });

  test("a refusal that clears up by itself (the namespace's default ServiceAccount not made yet) is not a cause", () => {
    const message = `pods "b2-56c45cf785-" is forbidden: error looking up service account team-b/default: serviceaccount "default" not found`;
    expect(rolloutBlocker({ replicaSets: ["b2-56c45cf785"], events: [rs("b2-56c45cf785", message)], pods: [] })).toBeNull();
  });

  test("an old release's ReplicaSet does not fail this one", () => {
    expect(rolloutBlocker({ replicaSets: ["api-new"], events: [rs("api-old", "is forbidden: exceeded quota")], pods: [] })).toBeNull();
  });

  test("image pull back-off and crash loops are certain; a first ErrImagePull is not", () => {
    expect(rolloutBlocker({ replicaSets: [], events: [], pods: [waiting("ImagePullBackOff", 'Back-off pulling image "x:9"')] })).toBe(
      'Pod api-1: the image cannot be pulled (ImagePullBackOff): Back-off pulling image "x:9"',
    );
    expect(rolloutBlocker({ replicaSets: [], events: [], pods: [waiting("CrashLoopBackOff")] })).toBe(
      "Pod api-1: the container keeps crashing (CrashLoopBackOff)",
    );
    expect(rolloutBlocker({ replicaSets: [], events: [], pods: [waiting("ErrImagePull")] })).toBeNull();
    expect(rolloutBlocker({ replicaSets: [], events: [], pods: [waiting("ContainerCreating")] })).toBeNull();
  });
});
