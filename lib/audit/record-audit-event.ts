import type { Tx } from "@/lib/db";
import type { AuditAction, AuditPayloads, AuditTarget } from "./audit-events";
import { auditHash, GENESIS_HASH, type AuditContent } from "./hash";

// Serialises appends so each row links to the one committed just before it.
const AUDIT_CHAIN_LOCK = 7_235_105_900_001n;

export type AuditActor = { id: string; email: string } | null;

export type RecordAuditEventOptions<A extends AuditAction> = {
  tx: Tx;
  actor: AuditActor;
  action: A;
  teamId?: string | null;
  target?: AuditTarget;
  data: AuditPayloads[A];
  request?: { id?: string; ip?: string };
};

/**
 * Appends one event inside the caller's transaction, so it commits with the change it
 * records. Use-cases call recordTeamEvent/recordActorEvent (./audit-events.ts).
 */
export async function recordAuditEvent<A extends AuditAction>(options: RecordAuditEventOptions<A>) {
  const { tx } = options;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`;
  const last = await tx.auditEvent.findFirst({ orderBy: { id: "desc" }, select: { hash: true, createdAt: true } });
  const prevHash = last?.hash ?? GENESIS_HASH;
  // Time never runs backwards along the chain (clock steps, replicas with skew), so ids
  // and times order events the same way and a time range is an id range.
  const now = new Date();
  const createdAt = last && last.createdAt > now ? last.createdAt : now;

  const content: AuditContent = {
    createdAt,
    actorId: options.actor?.id ?? null,
    actorEmail: options.actor?.email ?? null,
    teamId: options.teamId ?? null,
    action: options.action,
    targetType: options.target?.type ?? null,
    targetId: options.target?.id ?? null,
    // what JSONB will give back, so the hash survives the round trip
    data: JSON.parse(JSON.stringify(options.data ?? {})),
    requestId: options.request?.id ?? null,
    sourceIp: options.request?.ip ?? null,
  };
  return tx.auditEvent.create({
    data: { ...content, data: content.data as object, prevHash, hash: auditHash(prevHash, content) },
  });
}
