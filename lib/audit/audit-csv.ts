/**
 * CSV for audit exports (RFC 4180, CRLF line ends). Cells are quoted when they hold a
 * quote, comma or line break, and a cell that a spreadsheet would read as a formula
 * (= + - @, or a leading tab / carriage return) gets a leading apostrophe: audit data
 * contains what people typed (app names, emails, error texts), and opening an export
 * must not run it.
 */
import type { AuditEventRow } from "./query-audit-events";

export const AUDIT_CSV_COLUMNS = [
  "id",
  "createdAt",
  "actorEmail",
  "team",
  "action",
  "targetType",
  "targetId",
  "data",
  "requestId",
  "sourceIp",
] as const;

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | null | undefined): string {
  if (value === null || value === undefined) return "";
  const guarded = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replaceAll('"', '""')}"` : guarded;
}

export function csvLine(cells: (string | null | undefined)[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}

export function auditCsvRow(event: AuditEventRow): string {
  return csvLine([
    String(event.id),
    event.createdAt.toISOString(),
    event.actorEmail,
    event.team?.slug,
    event.action,
    event.target?.type,
    event.target?.id,
    JSON.stringify(event.data),
    event.requestId,
    event.sourceIp,
  ]);
}
