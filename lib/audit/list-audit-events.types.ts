/**
 * Filters of the activity page, /api/v1/audit and its export. Blank form fields ("")
 * mean "no filter", so the page's GET form and the API share one schema.
 *
 * - team: a team slug.
 * - app: an app name, matched against the `app` field of the event's data, which every
 *   app.* and deploy.* event carries (targetId holds a release id for deploys, so it
 *   cannot be used). App names are unique within a team only: combine with `team`.
 * - actor: the email of the person who acted (matched through their user, so events
 *   from before an email change are found too).
 * - action: one action, or a prefix ending in "." ("deploy.") for all actions under it.
 * - via: the tool, "session" (Slipway's UI), "token" (the API), "kubectl" (the API
 *   server's audit webhook) or "cli" (the admin CLI). Events from before Slipway
 *   recorded it have none and match no tool.
 * - from / to: ISO timestamps, or dates (YYYY-MM-DD, UTC). Both ends are inclusive; a
 *   date as `to` takes in that whole day.
 */
import { z } from "zod";
import { dnsLabel, email } from "@/lib/validation/fields";
import { AUDIT_ACTIONS, type AuditAction } from "./audit-events";

const blankIsAbsent = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);
const optional = <S extends z.ZodType>(schema: S) => z.preprocess(blankIsAbsent, schema.optional());

export const AUDIT_VIAS = ["session", "token", "kubectl", "cli"] as const;

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

/**
 * An ISO timestamp or a date, as the Date the query compares with: `from` is the
 * first instant included; `to` becomes the first instant excluded (the next day for a
 * date, the next millisecond for a timestamp: createdAt has millisecond precision).
 */
const instant = (bound: "from" | "to") =>
  z
    .string()
    .trim()
    .max(40, "must be an ISO date or timestamp")
    .refine(
      (value) => (DATE_ONLY.test(value) || z.iso.datetime({ offset: true }).safeParse(value).success) && !Number.isNaN(Date.parse(value)),
      "must be an ISO date (2026-11-25) or timestamp (2026-11-25T14:00:00Z)",
    )
    .transform((value) => {
      const dateOnly = DATE_ONLY.test(value);
      const at = new Date(dateOnly ? `${value}T00:00:00.000Z` : value);
      if (bound === "from") return at;
      return new Date(at.getTime() + (dateOnly ? DAY_MS : 1));
    });

/** An action, or a prefix ("deploy.") standing for every action that starts with it. */
const actionFilter = z
  .string()
  .trim()
  .refine(
    (value) =>
      (AUDIT_ACTIONS as readonly string[]).includes(value) ||
      (value.endsWith(".") && AUDIT_ACTIONS.some((action) => action.startsWith(value))),
    `must be one of ${AUDIT_ACTIONS.join(", ")}, or a prefix such as "deploy."`,
  )
  .transform((value) => ({
    value,
    actions: AUDIT_ACTIONS.filter((action) => action === value || (value.endsWith(".") && action.startsWith(value))) as AuditAction[],
  }));

export const auditFilterSchema = z.object({
  team: optional(dnsLabel(63)).describe("Team slug"),
  app: optional(dnsLabel(63)).describe("App name (the event's data.app); combine with team, app names are unique per team"),
  actor: optional(email).describe("Email of the person who acted"),
  action: optional(actionFilter).describe(`One action (${AUDIT_ACTIONS.join(", ")}) or a prefix ending in "." such as "deploy."`),
  via: optional(z.enum(AUDIT_VIAS, { error: `must be one of ${AUDIT_VIAS.join(", ")}` })).describe(
    "The tool: session (Slipway's UI), token (the API), kubectl, cli (the admin CLI)",
  ),
  from: optional(instant("from")).describe("Earliest time, inclusive: ISO timestamp or date (UTC)"),
  to: optional(instant("to")).describe("Latest time, inclusive: ISO timestamp, or a date for that whole day (UTC)"),
});

export type AuditFilter = z.infer<typeof auditFilterSchema>;

/** Ids are decimal strings; anything else was not issued by us. */
export const auditCursor = optional(z.string().regex(/^[1-9]\d{0,18}$/, "is not a cursor this API issued")).describe(
  "nextCursor of the previous page",
);

export const auditPageSchema = auditFilterSchema.extend({
  limit: z.coerce
    .number({ error: "must be a number" })
    .int("must be a whole number")
    .min(1, "must be at least 1")
    .max(200, "must be at most 200")
    .default(50),
  cursor: auditCursor,
});

export type AuditPageInput = z.infer<typeof auditPageSchema>;

export const AUDIT_EXPORT_FORMATS = ["csv", "json"] as const;
export type AuditExportFormat = (typeof AUDIT_EXPORT_FORMATS)[number];

export const auditExportSchema = auditFilterSchema.extend({
  format: z.enum(AUDIT_EXPORT_FORMATS, { error: "must be csv or json" }).default("csv"),
});

export type AuditExportInput = z.infer<typeof auditExportSchema>;

/** The filter as query-string pairs again, for links that keep it (next page, export). */
export function filterParams(raw: Partial<Record<keyof AuditFilter, string | undefined>>): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of ["team", "app", "actor", "action", "via", "from", "to"] as const) {
    const value = raw[key]?.trim();
    if (value) params.set(key, value);
  }
  return params;
}
