/**
 * Verifying the audit chain, for anyone signed in: the answer says only whether the
 * chain holds and where it breaks, never what the rows contain. A walk reads the
 * whole table, so concurrent requests share one walk instead of starting one each.
 */
import { db } from "@/lib/db";
import type { Actor } from "@/lib/authz/actor";
import { verifyAuditChain, type ChainVerdict } from "./verify-audit-chain";

export type AuditChainReport = { ok: true; checked: number } | { ok: false; checked: number; brokenAt: string; reason: string };

let running: Promise<ChainVerdict> | null = null;

/** Takes the actor only as proof that the caller signed in. */
export async function checkAuditChain(_options: { actor: Actor }): Promise<AuditChainReport> {
  running ??= verifyAuditChain({ db: db() }).finally(() => {
    running = null;
  });
  const verdict = await running;
  return verdict.ok ? verdict : { ...verdict, brokenAt: String(verdict.brokenAt) };
}
