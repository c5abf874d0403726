/**
 * A release goes to the cluster as a server-side apply of its Deployment and
 * Service (and Ingress when the app has a host), with the team's deployer token:
 * RBAC, not Slipway, is the last word on where it may land.
 */
import type { TeamClient } from "./client";
import { hasClusterStatus } from "./errors";
import { LABELS, FIELD_MANAGER, buildDeployment, buildIngress, buildService, type AppSpec, type ReleaseRef } from "./manifests";
import { APPLY_PARAMS, applyPatchOptions } from "./ssa";

export type ApplyReleaseInput = {
  app: AppSpec;
  release: ReleaseRef;
  progressDeadlineSeconds?: number;
  /**
   * Whether an Ingress of Slipway's may exist from an earlier release (one that had a
   * host). False skips the check for a stale one, a read whose answer is known (404).
   */
  mayHaveIngress?: boolean;
};

export type AppliedRelease = {
  namespace: string;
  name: string;
  /** The Deployment's metadata.generation after the apply; the rollout waits for it. */
  generation: number;
};

export async function applyRelease(team: TeamClient, input: ApplyReleaseInput): Promise<AppliedRelease> {
  const { app, release } = input;
  const { namespace, name } = app;
  const where = { namespace, name };

  const deployment = await team.call({ verb: "apply", kind: "Deployment", ...where }, () =>
    team.apps.patchNamespacedDeployment({ ...where, body: buildDeployment(app, release, input), ...APPLY_PARAMS }, applyPatchOptions()),
  );
  await team.call({ verb: "apply", kind: "Service", ...where }, () =>
    team.core.patchNamespacedService({ ...where, body: buildService(app, release), ...APPLY_PARAMS }, applyPatchOptions()),
  );
  const ingress = buildIngress(app, release);
  if (ingress) {
    await team.call({ verb: "apply", kind: "Ingress", ...where }, () =>
      team.networking.patchNamespacedIngress({ ...where, body: ingress, ...APPLY_PARAMS }, applyPatchOptions()),
    );
  } else if (input.mayHaveIngress ?? true) {
    await deleteStaleIngress(team, namespace, name);
  }

  const generation = deployment.metadata?.generation;
  if (generation === undefined) throw new Error(`Applied Deployment ${namespace}/${name} has no generation`);
  return { namespace, name, generation };
}

/** An app whose host was removed must not keep serving on it; only Slipway's own Ingress goes. */
async function deleteStaleIngress(team: TeamClient, namespace: string, name: string): Promise<void> {
  const where = { namespace, name };
  try {
    const existing = await team.call({ verb: "get", kind: "Ingress", ...where }, () => team.networking.readNamespacedIngress(where));
    if (existing.metadata?.labels?.[LABELS.managedBy] !== FIELD_MANAGER) return;
    await team.call({ verb: "delete", kind: "Ingress", ...where }, () => team.networking.deleteNamespacedIngress(where));
  } catch (e) {
    if (hasClusterStatus(e, 404)) return;
    throw e;
  }
}
