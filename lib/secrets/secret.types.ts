/**
 * Secret names follow environment variable rules (they become one); values are
 * write-only: these schemas never echo a value in a message, and no output has one.
 */
import { z } from "zod";
import { dateTime } from "@/lib/validation/wire";
import { environmentField } from "@/lib/environments/environment.types";

export const MAX_SECRET_NAME_LENGTH = 100;
export const MAX_SECRET_VALUE_BYTES = 64 * 1024;
/** The Secret object is at most 1 MiB in etcd; this many values of a few KiB fit. */
export const MAX_SECRETS_PER_APP = 50;

export const secretName = z
  .string({ error: "is required" })
  .min(1, "is required")
  .max(MAX_SECRET_NAME_LENGTH, `must be at most ${MAX_SECRET_NAME_LENGTH} characters`)
  .regex(/^[A-Z_][A-Z0-9_]*$/, "must be an environment variable name: capital letters, digits and _, not starting with a digit");

export const secretValue = z
  .string({ error: "is required" })
  .min(1, "must not be empty")
  .refine((value) => Buffer.byteLength(value, "utf8") <= MAX_SECRET_VALUE_BYTES, "must be at most 64 KiB");

/** An app's secret in one environment (`environment`, default: the team's first): each environment has its own values. */
export const secretParams = z.object({ app: z.string(), name: secretName }).extend(environmentField.shape);

/** What Slipway knows about a secret: never its value. */
export const secretView = z.object({
  name: z.string(),
  version: z.number().int(),
  setBy: z.object({ email: z.string(), name: z.string().nullable() }).nullable(),
  setAt: dateTime,
});
