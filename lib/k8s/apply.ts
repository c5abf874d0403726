/**
 * A release goes to the cluster as a server-side apply of its Deployment and
 * Service (and Ingress when the app has a host), with the team's deployer token:
 * RBAC, not Slipway, is the last word on where it may land.
 *
 * Each object is applied in release order, fenced by the cluster itself: the object is
 * read first, a newer release's object (its sequence annotation) is never overwritten,
 * and the apply carries the resourceVersion that was read, so the API server refuses it
 * (409) if anything wrote the object in between; then the read is repeated. The database
 * keeps one apply per app at a time too (lib/deploys/apply-in-turn.ts), but a claim can
 * lapse while an apply is slow, and then only the cluster can tell which write was last.
 */
import type { V1ObjectMeta } from "@kubernetes/client-node";
import type { TeamClient } from "./client";
import { hasClusterStatus } from "./errors";
import {
  LABELS,
  FIELD_MANAGER,
  RELEASE_SEQUENCE_ANNOTATION,
  buildDeployment,
  buildIngress,
  buildService,
  type AppSpec,
  type ReleaseRef,
} from "./manifests";
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
  kind: "applied";
  namespace: string;
  name: string;
  /** The Deployment's metadata.generation after the apply; the rollout waits for it. */
  generation: number;
};

/** A newer release's objects were in the cluster already; nothing of this one was written over them. */
export type SupersededApply = { kind: "superseded"; by: number };

/** How often an apply refused for a changed resourceVersion is read and tried again. */
const FENCE_ATTEMPTS = 5;

export async function applyRelease(team: TeamClient, input: ApplyReleaseInput): Promise<AppliedRelease | SupersededApply> {
  const { app, release } = input;
  const { namespace, name } = app;
  const where = { namespace, name };

  const deployment = await applyFenced(team, { kind: "Deployment", ...where }, release.sequence, {
    read: () => team.apps.readNamespacedDeployment(where),
    apply: (metadata) =>
      team.apps.patchNamespacedDeployment(
        { ...where, body: withMetadata(buildDeployment(app, release, input), metadata), ...APPLY_PARAMS },
        applyPatchOptions(),
      ),
  });
  if (deployment.kind === "superseded") return deployment;
  const service = await applyFenced(team, { kind: "Service", ...where }, release.sequence, {
    read: () => team.core.readNamespacedService(where),
    apply: (metadata) =>
      team.core.patchNamespacedService(
        { ...where, body: withMetadata(buildService(app, release), metadata), ...APPLY_PARAMS },
        applyPatchOptions(),
      ),
  });
  if (service.kind === "superseded") return service;
  const ingress = buildIngress(app, release);
  if (ingress) {
    const applied = await applyFenced(team, { kind: "Ingress", ...where }, release.sequence, {
      read: () => team.networking.readNamespacedIngress(where),
      apply: (metadata) =>
        team.networking.patchNamespacedIngress({ ...where, body: withMetadata(ingress, metadata), ...APPLY_PARAMS }, applyPatchOptions()),
    });
    if (applied.kind === "superseded") return applied;
  } else if (input.mayHaveIngress ?? true) {
    await deleteStaleIngress(team, namespace, name);
  }

  const generation = deployment.object.metadata?.generation;
  if (generation === undefined) throw new Error(`Applied Deployment ${namespace}/${name} has no generation`);
  return { kind: "applied", namespace, name, generation };
}

type Fenced<T> = { kind: "applied"; object: T } | SupersededApply;

/**
 * Applies one object unless a newer release's is there: reads it, compares the release
 * sequences, and applies with the resourceVersion it read (a write in between makes the
 * API server answer 409, and the read is repeated).
 */
async function applyFenced<T extends { metadata?: V1ObjectMeta }>(
  team: TeamClient,
  where: { kind: string; namespace: string; name: string },
  sequence: number,
  calls: { read: () => Promise<T>; apply: (metadata: Pick<V1ObjectMeta, "resourceVersion" | "annotations">) => Promise<T> },
): Promise<Fenced<T>> {
  for (let attempt = 1; ; attempt++) {
    let live: T | undefined;
    try {
      live = await team.call({ verb: "get", ...where }, calls.read);
    } catch (e) {
      if (!hasClusterStatus(e, 404)) throw e;
    }
    const liveSequence = Number(live?.metadata?.annotations?.[RELEASE_SEQUENCE_ANNOTATION] ?? 0);
    if (liveSequence > sequence) return { kind: "superseded", by: liveSequence };
    const metadata = {
      resourceVersion: live?.metadata?.resourceVersion,
      annotations: { [RELEASE_SEQUENCE_ANNOTATION]: String(sequence) },
    };
    try {
      return { kind: "applied", object: await team.call({ verb: "apply", ...where }, () => calls.apply(metadata)) };
    } catch (e) {
      if (!hasClusterStatus(e, 409) || attempt >= FENCE_ATTEMPTS) throw e;
    }
  }
}

function withMetadata<T extends { metadata?: V1ObjectMeta }>(object: T, extra: Pick<V1ObjectMeta, "resourceVersion" | "annotations">): T {
  const metadata: V1ObjectMeta = { ...object.metadata, annotations: { ...object.metadata?.annotations, ...extra.annotations } };
  if (extra.resourceVersion) metadata.resourceVersion = extra.resourceVersion;
  return { ...object, metadata };
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
