import { z } from "zod";

export const createApiTokenSchema = z.object({
  name: z.string({ error: "is required" }).trim().min(1, "is required").max(100, "must be at most 100 characters"),
  expiresInDays: z.coerce
    .number({ error: "must be a number of days" })
    .int("must be a whole number of days")
    .min(1, "must be at least 1 day")
    .max(365, "must be at most 365 days")
    .default(30),
});

export type CreateApiTokenInput = z.infer<typeof createApiTokenSchema>;
