import { z } from "zod";
import { WEBHOOK_EVENT_TYPES } from "@/lib/audit/webhook-events";
import { wholeNumber } from "@/lib/validation/fields";
import { bigintId, dateTime, jsonObject } from "@/lib/validation/wire";
import { webhookUrlProblem } from "./allowed-hosts";

export const webhookUrl = z
  .string({ error: "is required" })
  .trim()
  .min(1, "is required")
  .max(2000, "must be at most 2000 characters")
  .superRefine((url, ctx) => {
    const problem = webhookUrlProblem(url);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

export const webhookEvents = z
  .array(z.enum(WEBHOOK_EVENT_TYPES, { error: `must be one of ${WEBHOOK_EVENT_TYPES.join(", ")}` }), {
    error: "must be a list of event types",
  })
  .min(1, "choose at least one event")
  .transform((events) => [...new Set(events)]);

export const webhookFormat = z.enum(["SLIPWAY", "SLACK"], { error: "must be SLIPWAY or SLACK" });

/** A checkbox or JSON boolean. */
export const flag = z.preprocess(
  (value) => (value === "on" || value === "true" ? true : value === "false" ? false : value),
  z.boolean({ error: "must be true or false" }),
);

export const webhookParam = z.object({ webhookId: z.uuid("must be a webhook id") });

export const createWebhookInput = z.object({
  url: webhookUrl,
  events: webhookEvents,
  format: webhookFormat.optional().default("SLIPWAY"),
  active: flag.optional().default(true),
});

export const updateWebhookInput = webhookParam.extend({
  url: webhookUrl.optional(),
  events: webhookEvents.optional(),
  format: webhookFormat.optional(),
  active: flag.optional(),
});

/** A webhook as leads see it: never its secret. */
export const webhookView = z.object({
  id: z.uuid(),
  url: z.string(),
  events: z.array(z.string()),
  format: webhookFormat,
  active: z.boolean(),
  createdAt: dateTime,
  updatedAt: dateTime,
});

export const WEBHOOK_VIEW_SELECT = {
  id: true,
  url: true,
  events: true,
  format: true,
  active: true,
  createdAt: true,
  updatedAt: true,
} as const;

export const deliveryStatus = z.enum(["PENDING", "DELIVERED", "FAILED"]);

export const deliveryView = z.object({
  id: bigintId,
  eventId: z.uuid(),
  eventType: z.string(),
  payload: jsonObject,
  status: deliveryStatus,
  attempts: z.number().int(),
  nextAttemptAt: dateTime,
  lastAttemptAt: dateTime.nullable(),
  responseStatus: z.number().int().nullable(),
  responseBody: z.string().nullable(),
  error: z.string().nullable(),
  durationMs: z.number().int().nullable(),
  createdAt: dateTime,
  deliveredAt: dateTime.nullable(),
});

export const deliveryNumber = wholeNumber({ min: 1, max: Number.MAX_SAFE_INTEGER, what: "a delivery id", range: "must be a delivery id" });

export function hostOf(url: string): string {
  return new URL(url).hostname;
}
