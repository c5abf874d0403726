/**
 * Server-side apply: the request options every apply in lib/k8s uses. `force`
 * takes ownership of fields another manager set (say, a hand-run kubectl edit),
 * because Slipway's spec is the source of truth for what it applies.
 */
import { PatchStrategy, setHeaderOptions } from "@kubernetes/client-node";
import { FIELD_MANAGER } from "./manifests";

export const APPLY_PARAMS = { fieldManager: FIELD_MANAGER, force: true } as const;

/** Per-call options that send the body as an apply patch. */
export function applyPatchOptions() {
  return setHeaderOptions("Content-Type", PatchStrategy.ServerSideApply);
}

/** Per-call options for a merge patch (scale, restart). */
export function mergePatchOptions() {
  return setHeaderOptions("Content-Type", PatchStrategy.MergePatch);
}
