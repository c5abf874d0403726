/**
 * Rollout status, by kubectl's rule (kubectl rollout status, DeploymentStatusViewer):
 * the controller must have observed the current generation; a Progressing condition
 * with reason ProgressDeadlineExceeded is failure; otherwise it is done once every
 * desired replica is updated, no old replicas remain and every updated one is available.
 * Pure, so it runs on API objects and on raw watch events alike.
 */

/** The parts of a Deployment the rule reads (a V1Deployment or a raw watch object). */
export type DeploymentLike = {
  metadata?: { generation?: number; name?: string };
  spec?: { replicas?: number };
  status?: {
    observedGeneration?: number;
    replicas?: number;
    updatedReplicas?: number;
    availableReplicas?: number;
    conditions?: { type?: string; status?: string; reason?: string; message?: string }[];
  };
};

export type RolloutReason =
  "Complete" | "ProgressDeadlineExceeded" | "WaitingForObservation" | "UpdatingReplicas" | "OldReplicasPending" | "WaitingForAvailable";

export type RolloutStatus = {
  done: boolean;
  failed: boolean;
  reason: RolloutReason;
  message: string;
  updated: number;
  available: number;
  desired: number;
};

/**
 * `generation` is the one Slipway applied: until the controller has observed at
 * least that, older status says nothing about this release.
 */
export function rolloutStatus(deployment: DeploymentLike, options: { generation?: number } = {}): RolloutStatus {
  const status = deployment.status ?? {};
  const generation = deployment.metadata?.generation ?? 0;
  const observed = status.observedGeneration ?? 0;
  const desired = deployment.spec?.replicas ?? 1;
  const updated = status.updatedReplicas ?? 0;
  const available = status.availableReplicas ?? 0;
  const total = status.replicas ?? 0;
  const counts = { updated, available, desired };
  const waiting = (reason: RolloutReason, message: string): RolloutStatus => ({
    done: false,
    failed: false,
    reason,
    message,
    ...counts,
  });

  const wanted = Math.max(generation, options.generation ?? 0);
  if (observed < wanted) return waiting("WaitingForObservation", "Waiting for the deployment spec update to be observed.");

  const progressing = status.conditions?.find((c) => c.type === "Progressing");
  if (progressing?.reason === "ProgressDeadlineExceeded") {
    return {
      done: false,
      failed: true,
      reason: "ProgressDeadlineExceeded",
      message: progressing.message || "The deployment exceeded its progress deadline.",
      ...counts,
    };
  }
  return { ...judgeReplicas(updated, available, total, desired), ...counts };
}

function judgeReplicas(updated: number, available: number, total: number, desired: number) {
  const result = (done: boolean, reason: RolloutReason, message: string) => ({ done, failed: false, reason, message });
  if (updated < desired) {
    return result(false, "UpdatingReplicas", `${updated} of ${desired} new replicas have been updated.`);
  }
  if (total > updated) {
    return result(false, "OldReplicasPending", `${total - updated} old replicas are pending termination.`);
  }
  if (available < updated) {
    return result(false, "WaitingForAvailable", `${available} of ${updated} updated replicas are available.`);
  }
  return result(true, "Complete", "Successfully rolled out.");
}
