import { z } from "zod";
import { wholeNumber } from "@/lib/validation/fields";
import { dateTime } from "@/lib/validation/wire";

export const createApiTokenInput = z.object({
  name: z.string({ error: "is required" }).trim().min(1, "is required").max(100, "must be at most 100 characters"),
  expiresInDays: wholeNumber({ min: 1, max: 365, what: "a whole number of days", range: "must be 1-365 days" }).optional().default(30),
});
export type CreateApiTokenInput = z.infer<typeof createApiTokenInput>;

/** What anyone may see of a token: never the hash. */
export const apiTokenView = z.object({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string(),
  expiresAt: dateTime,
  lastUsedAt: dateTime.nullable(),
  revokedAt: dateTime.nullable(),
  createdAt: dateTime,
});
