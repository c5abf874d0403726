import { z } from "zod";
import { environmentField } from "@/lib/environments/environment.types";
import { wholeNumber } from "@/lib/validation/fields";

const podName = z
  .string({ error: "is required" })
  .trim()
  .min(1, "is required")
  .max(253, "must be at most 253 characters")
  .regex(/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/, "must be a pod name (lowercase letters, digits, '-' and '.')");

/** Which log: one container of one of the app's pods, and how far back. */
export const appLogsInput = z.object({
  app: z.string(),
  pod: podName,
  container: z
    .string()
    .trim()
    .max(63, "must be at most 63 characters")
    .optional()
    .describe("The container; the pod's first container when left out (or blank)"),
  sinceSeconds: wholeNumber({ min: 1, max: 7 * 86_400, range: "must be 1-604800 (a week)" })
    .optional()
    .describe("Only lines from the last N seconds"),
  tailLines: wholeNumber({ min: 1, max: 10_000, range: "must be 1-10000" }).optional().describe("Only the last N lines"),
  ...environmentField.shape,
});
