import type { FieldErrors } from "@/lib/errors";

/** What a server action hands back to its form (shown with useActionState + aria-live). */
export type ActionState =
  | { ok: true; message: string; secret?: string }
  | { ok: false; message: string; fieldErrors?: FieldErrors; values?: Record<string, string> }
  | null;

/**
 * React resets a form after its action runs; after a failure, forms put back what
 * the person typed from `values` instead of making them type it again.
 */
export function submittedValue(state: ActionState, name: string, fallback?: string | number): string | number | undefined {
  return state && !state.ok && state.values && name in state.values ? state.values[name] : fallback;
}
