import type { FieldErrors } from "@/lib/errors";

/** What a server action hands back to its form (shown with useActionState + aria-live). */
export type ActionState = { ok: true; message: string; secret?: string } | { ok: false; message: string; fieldErrors?: FieldErrors } | null;
