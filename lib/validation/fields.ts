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

/**
 * A whole number from JSON, a form field or a query string. Blank is "is required"
 * (never 0), and only plain decimal digits count: "1e0", "0x1" and " 1" are not 1.
 */
export function wholeNumber(options: { min: number; max: number; range?: string; what?: string }) {
  const what = options.what ?? "a number";
  const range = options.range ?? `must be ${options.min}-${options.max}`;
  return z.preprocess(
    (value) => (value === null || value === "" ? undefined : typeof value === "string" && /^-?\d+$/.test(value) ? Number(value) : value),
    z
      .number({ error: (issue) => (issue.input === undefined ? "is required" : `must be ${what}`) })
      .int(`must be ${what === "a number" ? "a whole number" : what}`)
      .min(options.min, range)
      .max(options.max, range),
  );
}

export const pageQuery = z.object({
  limit: wholeNumber({ min: 1, max: 200, range: "must be 1-200" }).optional().default(50),
  cursor: z.string().max(200, "is not a cursor this API issued").optional(),
});

/** A release number as it arrives in a path, query or body: a positive 32-bit integer. */
export const releaseNumber = wholeNumber({ min: 1, max: 2_147_483_647, what: "a release number", range: "must be a release number" });

/** The same, for pages: a bad value is simply no such release. */
export function parseReleaseNumber(value: unknown): number | undefined {
  const result = releaseNumber.safeParse(value);
  return result.success ? result.data : undefined;
}
