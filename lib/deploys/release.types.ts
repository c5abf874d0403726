import { z } from "zod";
import { releaseStatus } from "@/lib/apps/app.types";
import { releaseNumber } from "@/lib/validation/fields";
import { dateTime } from "@/lib/validation/wire";

export const idempotencyKey = z
  .string()
  .trim()
  .min(8, "must be at least 8 characters")
  .max(200, "must be at most 200 characters")
  .regex(/^[\w.:-]+$/, "must be letters, digits and . _ : -")
  .optional();

export const releaseParams = z.object({ app: z.string(), sequence: releaseNumber });

/** A release as the API shows it (the spec snapshot passes through as JSON). */
export const releaseView = z.object({
  id: z.uuid(),
  sequence: z.number().int(),
  image: z.string(),
  spec: z.unknown().describe("The app spec exactly as applied: image and every setting"),
  status: releaseStatus,
  error: z.string().nullable(),
  idempotencyKey: z.string().nullable(),
  generation: z.number().int().nullable(),
  createdAt: dateTime,
  finishedAt: dateTime.nullable(),
  /** The digest its pods ran (sha256:…), recorded when it succeeded; what a promotion pins. */
  imageDigest: z.string().nullable().optional(),
});

export const releaseWithPeople = releaseView.extend({
  requestedBy: z.object({ email: z.string(), name: z.string().nullable() }).nullable(),
  rollbackOf: z.object({ sequence: z.number().int() }).nullable(),
  /** Where it was deployed; null: recorded before environments (the team's first environment). */
  environment: z.object({ name: z.string() }).nullable().optional(),
});

/** 202 for a new release; 200 when the same Idempotency-Key made one before. */
export const releaseRequested = z.object({ release: releaseView, created: z.boolean() });
export const releaseRequestedStatus = { statuses: [202, 200], pick: (o: { created: boolean }) => (o.created ? 202 : 200) } as const;
