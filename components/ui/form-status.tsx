import type { ActionState } from "@/lib/adapters/action-state";

/** The result of the last submit, announced to screen readers. */
export function FormStatus({ state }: { state: ActionState }) {
  return (
    <p aria-live="polite" role="status" className={`text-sm ${state?.ok === false ? "text-red-700" : "text-green-800"}`}>
      {state?.message}
    </p>
  );
}

export function FieldError({ state, field }: { state: ActionState; field: string }) {
  const messages = state && !state.ok ? state.fieldErrors?.[field] : undefined;
  if (!messages?.length) return null;
  return (
    <p id={`${field}-error`} className="text-sm text-red-700">
      {messages.join("; ")}
    </p>
  );
}

/** A field the last submit refused: aria-invalid (which inputClass draws red) and its message as the error message. */
export function invalid(state: ActionState, field: string): { "aria-invalid"?: true; "aria-errormessage"?: string } {
  return state && !state.ok && state.fieldErrors?.[field]?.length ? { "aria-invalid": true, "aria-errormessage": `${field}-error` } : {};
}

export const inputClass =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm shadow-sm focus:border-blue-600 focus:outline-none focus:ring-1 focus:ring-blue-600 aria-invalid:border-red-600 aria-invalid:ring-1 aria-invalid:ring-red-600";
