import { userRoute } from "@/lib/api/route";
import { listAuditEvents } from "@/lib/audit/list-audit-events";
import { auditPageSchema } from "@/lib/audit/list-audit-events.types";

/** Audit events you may see, newest first; filters as on the activity page. */
export const GET = userRoute({ schema: auditPageSchema, input: "query" }, async ({ actor, input }) => {
  const { limit, cursor, ...filter } = input;
  return { body: await listAuditEvents({ actor, filter, limit, cursor }) };
});
