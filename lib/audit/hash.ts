/**
 * The audit chain's hash: sha256 over the previous row's hash and a canonical JSON
 * of the row's content (keys sorted at every depth), so the same content always
 * hashes the same after a round trip through JSONB.
 */
import { createHash } from "node:crypto";

export const GENESIS_HASH = "0".repeat(64);

export type AuditContent = {
  createdAt: Date;
  actorId: string | null;
  actorEmail: string | null;
  teamId: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  data: unknown;
  requestId: string | null;
  sourceIp: string | null;
  /** Absent on rows from before the column existed, so their hashes still verify. */
  via?: string;
  clusterAuditId?: string;
};

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, item]) => item !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(",")}}`;
}

export function auditHash(prevHash: string, content: AuditContent): string {
  const body = canonicalJson({ ...content, createdAt: content.createdAt.toISOString() });
  return createHash("sha256").update(`${prevHash}\n${body}`).digest("hex");
}

/** A stored row's hashed content: columns added later count only when set, so older rows still verify. */
export function auditContentOf(
  row: Omit<AuditContent, "via" | "clusterAuditId"> & { via: string | null; clusterAuditId: string | null },
): AuditContent {
  const { via, clusterAuditId, ...rest } = row;
  return { ...rest, ...(via !== null ? { via } : {}), ...(clusterAuditId !== null ? { clusterAuditId } : {}) };
}
