import { userDownloadRoute } from "@/lib/api/download-route";
import { exportAuditEvents } from "@/lib/audit/export-audit-events";
import { auditExportSchema } from "@/lib/audit/list-audit-events.types";

/** The whole filtered list as a CSV or JSON attachment, streamed. */
export const GET = userDownloadRoute({ schema: auditExportSchema }, async ({ actor, input }) => {
  const { format, ...filter } = input;
  return exportAuditEvents({ actor, filter, format });
});
