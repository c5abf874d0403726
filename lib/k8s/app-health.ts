/**
 * An app's live health from its Deployment (as the namespace cache holds it): Missing
 * (no Deployment), Degraded (pods cannot be created, e.g. over quota, or the rollout
 * missed its deadline), Progressing (a rollout under way), Healthy. Pure.
 */
import { rolloutStatus, type DeploymentLike } from "./rollout";

export type HealthState = "Healthy" | "Progressing" | "Degraded" | "Missing";
export type AppHealth = { state: HealthState; reason: string };

type Condition = { type?: string; status?: string; reason?: string; message?: string };

/** "pods "web-1" is forbidden: exceeded quota: slipway, requested: ..." -> "exceeded quota: slipway, requested: ..." */
function whyPodsCannotStart(message: string): string {
  const forbidden = /is forbidden: (.*)$/s.exec(message);
  return (forbidden?.[1] ?? message).trim();
}

export function appHealth(deployment: (DeploymentLike & { status?: { conditions?: Condition[] } }) | undefined): AppHealth {
  if (!deployment) return { state: "Missing", reason: "The Deployment is not in the cluster." };
  const desired = deployment.spec?.replicas ?? 1;
  const created = deployment.status?.replicas ?? 0;
  const failure = deployment.status?.conditions?.find((c) => c.type === "ReplicaFailure" && c.status === "True");
  if (failure && created < desired) {
    return {
      state: "Degraded",
      reason: `${desired - created} of ${desired} pods cannot start: ${whyPodsCannotStart(failure.message ?? failure.reason ?? "")}`,
    };
  }
  const rollout = rolloutStatus(deployment);
  if (rollout.failed) return { state: "Degraded", reason: rollout.message };
  if (rollout.done) return { state: "Healthy", reason: `${rollout.available} of ${rollout.desired} replicas available.` };
  return { state: "Progressing", reason: rollout.message };
}
