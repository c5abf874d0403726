import type { z } from "zod";
import { AppError, type FieldErrors } from "@/lib/errors";

/** zod parse that fails as INVALID_INPUT naming each field and the rule it broke. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fieldErrors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = issue.path.length > 0 ? issue.path.join(".") : "body";
    (fieldErrors[field] ??= []).push(issue.message);
  }
  const summary = Object.entries(fieldErrors)
    .map(([field, messages]) => `${field}: ${messages.join("; ")}`)
    .join(". ");
  throw new AppError("INVALID_INPUT", `Invalid input. ${summary}.`, { fieldErrors });
}
