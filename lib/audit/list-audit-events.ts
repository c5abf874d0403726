import { z } from "zod";
import { userUseCase } from "@/lib/usecase/define";
import { bigintId, dateTime } from "@/lib/validation/wire";
import { auditPageSchema } from "./list-audit-events.types";
import { queryAuditEvents } from "./query-audit-events";

export const auditEventView = z.object({
  id: bigintId,
  createdAt: dateTime,
  actorEmail: z.string().nullable(),
  actorName: z.string().nullable(),
  team: z.object({ slug: z.string(), name: z.string() }).nullable(),
  action: z.string(),
  target: z.object({ type: z.string(), id: z.string().nullable() }).nullable(),
  data: z.unknown().describe("What happened, by action: see the audit log section of the README"),
  requestId: z.string().nullable(),
  sourceIp: z.string().nullable(),
  via: z.string().nullable().describe("The tool: session (Slipway's UI), token (the API), kubectl, cli; null on older events"),
});

/** Audit events the caller may see, newest first; filters as on the activity page. */
export const listAuditEvents = userUseCase({
  name: "listAuditEvents",
  summary: "Audit events you may see, newest first: all for platform admins, else your teams' events and your own actions",
  input: auditPageSchema,
  output: z.object({ events: z.array(auditEventView), nextCursor: z.string().nullable() }),
  route: { method: "GET", path: "/audit" },
  run: ({ ctx, input }) => {
    const { limit, cursor, ...filter } = input;
    return queryAuditEvents({ actor: ctx.actor, filter, limit, cursor });
  },
});
