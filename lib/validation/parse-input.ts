import type { z } from "zod";
import { AppError, type FieldErrors } from "@/lib/errors";

/** zod parse that fails as INVALID_INPUT naming each field and the rule it broke. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const fieldErrors: FieldErrors = {};
  // PostgreSQL cannot store U+0000 in text; say so instead of failing at the insert.
  for (const path of pathsWithNul(input)) (fieldErrors[path || "body"] ??= []).push("must not contain a NUL character");
  const result = Object.keys(fieldErrors).length === 0 ? schema.safeParse(input) : undefined;
  if (result?.success) return result.data;
  for (const issue of result?.error.issues ?? []) {
    const field = issue.path.length > 0 ? issue.path.join(".") : "body";
    (fieldErrors[field] ??= []).push(issue.message);
  }
  const summary = Object.entries(fieldErrors)
    .map(([field, messages]) => `${field}: ${messages.join("; ")}`)
    .join(". ");
  throw new AppError("INVALID_INPUT", `Invalid input. ${summary}.`, { fieldErrors });
}

function pathsWithNul(value: unknown, path = ""): string[] {
  if (typeof value === "string") return value.includes("\u0000") ? [path] : [];
  if (typeof value !== "object" || value === null) return [];
  return Object.entries(value).flatMap(([key, item]) => [
    ...(key.includes("\u0000") ? [path || "body"] : []),
    ...pathsWithNul(item, path ? `${path}.${key}` : key),
  ]);
}
