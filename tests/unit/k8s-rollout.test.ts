import { describe, expect, test } from "vitest";
import { rolloutStatus, type DeploymentLike } from "@/lib/k8s/rollout";

function deployment(overrides: { generation?: number; replicas?: number; status?: NonNullable<DeploymentLike["status"]> }): DeploymentLike {
  return {
    metadata: { name: "web", generation: overrides.generation ?? 2 },
    spec: { replicas: overrides.replicas ?? 3 },
    status: overrides.status ?? {},
  };
}

const progressing = (reason: string, message = "") => ({ type: "Progressing", status: "True", reason, message });

describe("rolloutStatus (kubectl's rule)", () => {
  test("waits until the controller has observed the current generation", () => {
    const status = rolloutStatus(
      deployment({ generation: 3, status: { observedGeneration: 2, replicas: 3, updatedReplicas: 3, availableReplicas: 3 } }),
    );
    expect(status).toMatchObject({ done: false, failed: false, reason: "WaitingForObservation" });
  });

  test("waits for the generation Slipway applied even if the object shows an older one", () => {
    const d = deployment({ generation: 2, status: { observedGeneration: 2, replicas: 3, updatedReplicas: 3, availableReplicas: 3 } });
    expect(rolloutStatus(d, { generation: 3 }).reason).toBe("WaitingForObservation");
    expect(rolloutStatus(d, { generation: 2 }).done).toBe(true);
  });

  test("ProgressDeadlineExceeded is failure, with the controller's message", () => {
    const status = rolloutStatus(
      deployment({
        status: {
          observedGeneration: 2,
          replicas: 3,
          updatedReplicas: 3,
          availableReplicas: 0,
          conditions: [
            { type: "Available", status: "False", reason: "MinimumReplicasUnavailable" },
            {
              type: "Progressing",
              status: "False",
              reason: "ProgressDeadlineExceeded",
              message: 'ReplicaSet "web-1" has timed out progressing.',
            },
          ],
        },
      }),
    );
    expect(status).toEqual({
      done: false,
      failed: true,
      reason: "ProgressDeadlineExceeded",
      message: 'ReplicaSet "web-1" has timed out progressing.',
      updated: 3,
      available: 0,
      desired: 3,
    });
  });

  test("a deadline from an older generation does not fail a newer one still unobserved", () => {
    const status = rolloutStatus(
      deployment({
        generation: 3,
        status: { observedGeneration: 2, conditions: [progressing("ProgressDeadlineExceeded")] },
      }),
    );
    expect(status).toMatchObject({ failed: false, reason: "WaitingForObservation" });
  });

  test("waits while new replicas are being updated", () => {
    const status = rolloutStatus(
      deployment({
        status: {
          observedGeneration: 2,
          replicas: 4,
          updatedReplicas: 1,
          availableReplicas: 3,
          conditions: [progressing("ReplicaSetUpdated")],
        },
      }),
    );
    expect(status).toMatchObject({ done: false, reason: "UpdatingReplicas", message: "1 of 3 new replicas have been updated." });
  });

  test("waits while old replicas are pending termination", () => {
    const status = rolloutStatus(deployment({ status: { observedGeneration: 2, replicas: 5, updatedReplicas: 3, availableReplicas: 3 } }));
    expect(status).toMatchObject({ done: false, reason: "OldReplicasPending", message: "2 old replicas are pending termination." });
  });

  test("waits until updated replicas are available", () => {
    const status = rolloutStatus(deployment({ status: { observedGeneration: 2, replicas: 3, updatedReplicas: 3, availableReplicas: 2 } }));
    expect(status).toMatchObject({ done: false, reason: "WaitingForAvailable", message: "2 of 3 updated replicas are available." });
  });

  test("done when all replicas are updated, none old, all available", () => {
    const status = rolloutStatus(
      deployment({
        status: {
          observedGeneration: 2,
          replicas: 3,
          updatedReplicas: 3,
          availableReplicas: 3,
          conditions: [progressing("NewReplicaSetAvailable")],
        },
      }),
    );
    expect(status).toEqual({
      done: true,
      failed: false,
      reason: "Complete",
      message: "Successfully rolled out.",
      updated: 3,
      available: 3,
      desired: 3,
    });
  });

  test("scaled to zero is done at once", () => {
    const status = rolloutStatus(deployment({ replicas: 0, status: { observedGeneration: 2 } }));
    expect(status).toMatchObject({ done: true, desired: 0 });
  });

  test("a missing spec.replicas means the API default of 1", () => {
    const status = rolloutStatus({ metadata: { generation: 1 }, status: { observedGeneration: 1 } });
    expect(status).toMatchObject({ done: false, reason: "UpdatingReplicas", desired: 1 });
  });
});
