import { z } from "zod";
import { AppError } from "@/lib/errors";

const flag = z.preprocess(
  (value) => (value === "true" || value === "on" ? true : value === "false" || value === "" ? false : value),
  z.boolean(),
);

/** `override: true` with a `reason`: a lead deploys into a frozen environment (audited). */
export const freezeOverrideFields = z.object({
  override: flag.optional(),
  reason: z.string().trim().max(500, "must be at most 500 characters").optional(),
});

export function overrideReasonOf(input: z.output<typeof freezeOverrideFields>): string | undefined {
  if (!input.override) return undefined;
  if (!input.reason) {
    throw new AppError("INVALID_INPUT", "Say why you override the freeze.", { fieldErrors: { reason: ["is required with override"] } });
  }
  return input.reason;
}
