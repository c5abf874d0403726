/**
 * Day-two actions with the deployer token: restart (what `kubectl rollout restart`
 * does: stamp the pod template so every pod is replaced) and scale (the
 * deployments/scale subresource). Both return what a rollout watch needs.
 */
import { AppError } from "@/lib/errors";
import type { TeamClient } from "./client";
import { FIELD_MANAGER } from "./manifests";
import { mergePatchOptions } from "./ssa";

export const RESTARTED_AT_ANNOTATION = "kubectl.kubernetes.io/restartedAt";

export async function restartDeployment(
  team: TeamClient,
  namespace: string,
  name: string,
  options: { at?: Date } = {},
): Promise<{ generation: number }> {
  const at = (options.at ?? new Date()).toISOString();
  const body = { spec: { template: { metadata: { annotations: { [RESTARTED_AT_ANNOTATION]: at } } } } };
  // Its own field manager, so the next deploy's apply neither owns nor drops the stamp.
  const deployment = await team.call({ verb: "restart", kind: "Deployment", name, namespace }, () =>
    team.apps.patchNamespacedDeployment({ name, namespace, body, fieldManager: `${FIELD_MANAGER}-restart` }, mergePatchOptions()),
  );
  return { generation: deployment.metadata?.generation ?? 0 };
}

export async function scaleDeployment(team: TeamClient, namespace: string, name: string, replicas: number): Promise<{ replicas: number }> {
  if (!Number.isInteger(replicas) || replicas < 0) {
    throw new AppError("INVALID_INPUT", "Replicas must be a whole number, zero or more.");
  }
  const scale = await team.call({ verb: "scale", kind: "Deployment", name, namespace }, () =>
    team.apps.patchNamespacedDeploymentScale(
      { name, namespace, body: { spec: { replicas } }, fieldManager: FIELD_MANAGER },
      mergePatchOptions(),
    ),
  );
  return { replicas: scale.spec?.replicas ?? replicas };
}
