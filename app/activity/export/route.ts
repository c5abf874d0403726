/** The activity page's export links: the same download as /api/v1/audit/export, with the browser session. */
import { sessionRoute } from "@/lib/api/session-route";
import { exportAuditEvents } from "@/lib/audit/export-audit-events";
import { auditExportSchema } from "@/lib/audit/list-audit-events.types";
import { parseInput } from "@/lib/validation/parse-input";

export const GET = sessionRoute(async ({ actor, raw }) => {
  const { format, ...filter } = parseInput(auditExportSchema, Object.fromEntries(new URL(raw.url).searchParams));
  return exportAuditEvents({ actor, filter, format });
});
