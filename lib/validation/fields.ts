import { z } from "zod";

/** RFC 1123 label, as Kubernetes requires for names. */
export const dnsLabel = (max: number) =>
  z
    .string({ error: "is required" })
    .trim()
    .min(1, "is required")
    .max(max, `must be at most ${max} characters`)
    .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, "must be lowercase letters, digits and '-', starting and ending with a letter or digit");

export const email = z
  .string({ error: "is required" })
  .trim()
  .toLowerCase()
  .pipe(z.email("must be an email address").max(254, "must be at most 254 characters"));

export const role = z.enum(["LEAD", "DEPLOYER", "VIEWER"], { error: "must be LEAD, DEPLOYER or VIEWER" });

export const pageQuery = z.object({
  limit: z.coerce
    .number({ error: "must be a number" })
    .int("must be a whole number")
    .min(1, "must be at least 1")
    .max(200, "must be at most 200")
    .default(50),
  cursor: z.string().max(200, "is not a cursor this API issued").optional(),
});

/** A release number as it arrives in a path, query or body: a positive 32-bit integer. */
export const releaseNumber = z.coerce
  .number({ error: "must be a release number" })
  .int("must be a release number")
  .min(1, "must be a release number")
  .max(2_147_483_647, "must be a release number");

/** The same, for pages: a bad value is simply no such release. */
export function parseReleaseNumber(value: unknown): number | undefined {
  const result = releaseNumber.safeParse(value);
  return result.success ? result.data : undefined;
}
