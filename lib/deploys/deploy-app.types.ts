import { z } from "zod";
import { imageVersion } from "@/lib/apps/app-spec.types";

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
  sequence: z.coerce.number({ error: "must be a release number" }).int("must be a release number").min(1, "must be a release number"),
  idempotencyKey,
});
export type RollbackInput = z.infer<typeof rollbackSchema>;
