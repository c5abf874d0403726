/**
 * Why a rollout cannot finish, as soon as that is certain, instead of waiting for the
 * progress deadline: the API server refused the release's pods (quota exceeded, an
 * admission policy, Pod Security), or its containers cannot start (the image cannot be
 * pulled, or it keeps crashing). Looks only at this release's ReplicaSet and pods
 * (labelled with the release id), so an old release's trouble does not fail a new one.
 */
import { LABELS } from "./manifests";
import type { CachedKind, RawObject } from "./namespace-cache";

type EventLike = { type?: string; reason?: string; message?: string; involvedObject: { kind?: string; name?: string } };
type PodLike = {
  metadata?: { name?: string };
  status?: {
    containerStatuses?: { name?: string; state?: { waiting?: { reason?: string; message?: string } }; restartCount?: number }[];
  };
};

/** Waiting reasons that do not clear up by themselves. ErrImagePull alone may be a registry hiccup; its back-off is not. */
const STUCK = new Set(["ImagePullBackOff", "InvalidImageName", "ErrImageNeverPull", "CrashLoopBackOff", "CreateContainerConfigError"]);

const REASON_WORDS: Record<string, string> = {
  ImagePullBackOff: "the image cannot be pulled",
  InvalidImageName: "the image name is not valid",
  ErrImageNeverPull: "the image is not on the node and may not be pulled",
  CrashLoopBackOff: "the container keeps crashing",
  CreateContainerConfigError: "the container's configuration is invalid",
};

/**
 * Refusals that clear up by themselves, which the ReplicaSet controller retries: in a
 * namespace created moments ago, the ServiceAccount admission plugin refuses pods until
 * the controller manager has created the namespace's "default" ServiceAccount, and the
 * ReplicaSet controller creates them once it exists. A fault test's release in a new
 * namespace was failed for it.
 */
const TRANSIENT_REFUSAL = /error looking up service account/i;

/** The cause in words, or null while the rollout may still finish. Pure. */
export function rolloutBlocker(input: { replicaSets: string[]; events: EventLike[]; pods: PodLike[] }): string | null {
  const ours = new Set(input.replicaSets);
  const refused = input.events.find(
    (e) =>
      e.reason === "FailedCreate" &&
      e.involvedObject.kind === "ReplicaSet" &&
      ours.has(e.involvedObject.name ?? "") &&
      /forbidden|denied/i.test(e.message ?? "") &&
      !TRANSIENT_REFUSAL.test(e.message ?? ""),
  );
  if (refused) {
    const quota = /exceeded quota/i.test(refused.message ?? "");
    return `${quota ? "The team's quota is used up" : "The cluster refused the pods"}: ${refused.message}`;
  }
  for (const pod of input.pods) {
    for (const container of pod.status?.containerStatuses ?? []) {
      const waiting = container.state?.waiting;
      if (waiting?.reason && STUCK.has(waiting.reason)) {
        const detail = waiting.message ? `: ${waiting.message}` : "";
        return `Pod ${pod.metadata?.name ?? ""}: ${REASON_WORDS[waiting.reason] ?? waiting.reason} (${waiting.reason})${detail}`;
      }
    }
  }
  return null;
}

/** Judges this release's ReplicaSets, pods and their events as a namespace's shared watch holds them. Pure. */
export function findRolloutBlocker(objects: (kind: CachedKind) => RawObject[], app: string, releaseId: string): string | null {
  const ours = (o: RawObject) => o.metadata?.labels?.[LABELS.app] === app && o.metadata?.labels?.[LABELS.release] === releaseId;
  return rolloutBlocker({
    replicaSets: objects("replicasets")
      .filter(ours)
      .map((rs) => rs.metadata?.name ?? ""),
    events: (objects("events") as unknown as EventLike[]).filter((e) => e.involvedObject),
    pods: objects("pods").filter(ours) as PodLike[],
  });
}
