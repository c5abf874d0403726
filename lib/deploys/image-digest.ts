/**
 * The digest a release ran, recorded when it succeeds so a promotion can pin the exact
 * build: the kubelet's containerStatuses[].imageID of the release's pods
 * ("docker-pullable://repo@sha256:…" or "repo@sha256:…"), else the digest the image
 * reference already names (`repo@sha256:…`). A tag with pods that report no imageID
 * (simulated nodes) has no digest: nothing is guessed.
 */
import { LABELS, type RawObject } from "@/lib/k8s";

const DIGEST = /sha256:[0-9a-f]{64}/;

type PodStatus = { containerStatuses?: { imageID?: string }[] };

export function digestOfReference(image: string): string | null {
  const at = image.lastIndexOf("@");
  return at < 0 ? null : (DIGEST.exec(image.slice(at + 1))?.[0] ?? null);
}

export function digestOfRelease(options: { image: string; releaseId: string; pods: RawObject[] }): string | null {
  for (const pod of options.pods) {
    if (pod.metadata?.labels?.[LABELS.release] !== options.releaseId) continue;
    for (const container of (pod.status as PodStatus | undefined)?.containerStatuses ?? []) {
      const found = DIGEST.exec(container.imageID ?? "")?.[0];
      if (found) return found;
    }
  }
  return digestOfReference(options.image);
}

/** `repo@sha256:…` for an image reference (tag or digest) and a digest. */
export function pinnedImage(image: string, digest: string): string {
  const at = image.lastIndexOf("@");
  const withoutDigest = at < 0 ? image : image.slice(0, at);
  const slash = withoutDigest.lastIndexOf("/");
  const colon = withoutDigest.lastIndexOf(":");
  const repository = colon > slash ? withoutDigest.slice(0, colon) : withoutDigest;
  return `${repository}@${digest}`;
}
