import { z } from "zod";
import { imageVersion } from "@/lib/apps/app-spec.types";
import { releaseNumber } from "@/lib/validation/fields";

const idempotencyKey = z
  .string()
  .trim()
  .min(8, "must be at least 8 characters")
  .max(200, "must be at most 200 characters")
  .regex(/^[\w.:-]+$/, "must be letters, digits and . _ : -")
  .optional();

export const deployAppSchema = z.object({ version: imageVersion, idempotencyKey });
export type DeployAppInput = z.infer<typeof deployAppSchema>;

export const rollbackSchema = z.object({
  sequence: releaseNumber,
  idempotencyKey,
});
export type RollbackInput = z.infer<typeof rollbackSchema>;
