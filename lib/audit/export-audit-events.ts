/**
 * The filtered audit list as a CSV or JSON download, streamed: one keyset batch is
 * read when the client is ready for more (ReadableStream pull), so an export of a
 * million events holds one batch in memory, not the million. The export is consistent
 * without a snapshot: ids are handed out under the audit chain's lock and commit in id
 * order, and the export walks down from the newest id it saw first.
 *
 * The first batch is read before the response starts, so a failure there still gets a
 * proper error status; a failure later can only cut the download short (and is logged).
 */
import type { Actor } from "@/lib/authz/actor";
import { logger } from "@/lib/observability/logger";
import { fileBody, userUseCase, type FileBody } from "@/lib/usecase/define";
import { AUDIT_CSV_COLUMNS, auditCsvRow, csvLine } from "./audit-csv";
import { auditExportSchema, type AuditExportFormat, type AuditFilter } from "./list-audit-events.types";
import { queryAuditEvents, type AuditEventRow } from "./query-audit-events";

const BATCH = 1000;

const CONTENT_TYPES: Record<AuditExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  json: "application/json; charset=utf-8",
};

/** The same JSON as a page of /api/v1/audit: ids as strings, times as ISO strings. */
function jsonOf(event: AuditEventRow): string {
  return JSON.stringify(event, (_key, value) => (typeof value === "bigint" ? value.toString() : value));
}

export function auditExportFilename(format: AuditExportFormat, now: Date): string {
  return `slipway-audit-${now.toISOString().slice(0, 19).replace(/[-:]/g, "").replace("T", "-")}.${format}`;
}

export const exportAuditEvents = userUseCase({
  name: "exportAuditEvents",
  summary:
    "The same filtered events, all pages, as a streamed CSV or JSON attachment (cells that could be read as formulas start with an apostrophe)",
  input: auditExportSchema,
  output: fileBody,
  route: { method: "GET", path: "/audit/export", produces: ["text/csv", "application/json"], download: true },
  run: ({ ctx, input }) => {
    const { format, ...filter } = input;
    return streamAuditExport({ actor: ctx.actor, filter, format });
  },
});

export async function streamAuditExport(options: {
  actor: Actor;
  filter: AuditFilter;
  format: AuditExportFormat;
  batchSize?: number;
}): Promise<FileBody> {
  const { actor, filter, format } = options;
  const limit = options.batchSize ?? BATCH;
  const encoder = new TextEncoder();
  let rowsWritten = 0;

  const render = (events: AuditEventRow[], last: boolean): Uint8Array => {
    let text = "";
    for (const event of events) {
      text += format === "csv" ? auditCsvRow(event) : `${rowsWritten === 0 ? "\n" : ",\n"}${jsonOf(event)}`;
      rowsWritten += 1;
    }
    if (last && format === "json") text += rowsWritten === 0 ? "]\n" : "\n]\n";
    return encoder.encode(text);
  };

  const first = await queryAuditEvents({ actor, filter, limit });
  let cursor = first.nextCursor;
  const head = format === "csv" ? csvLine([...AUDIT_CSV_COLUMNS]) : "[";

  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(head));
      controller.enqueue(render(first.events, cursor === null));
      if (cursor === null) controller.close();
    },
    async pull(controller) {
      if (cursor === null) return;
      try {
        const page = await queryAuditEvents({ actor, filter, limit, cursor });
        cursor = page.nextCursor;
        controller.enqueue(render(page.events, cursor === null));
        if (cursor === null) controller.close();
      } catch (error) {
        logger.error({ err: error }, "audit export failed after the response started");
        controller.error(error);
      }
    },
  });

  return { body, contentType: CONTENT_TYPES[format], filename: auditExportFilename(format, new Date()) };
}
