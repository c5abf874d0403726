/**
 * An anchor is the audit chain's head (the newest event's id and hash) at a moment,
 * signed with a key that is not in the database (SLIPWAY_AUDIT_SIGNING_KEY). Anchors are
 * written outside the database (./stores.ts), so whoever owns the database can re-hash
 * an edited chain or delete its newest rows, but cannot make the anchors agree:
 * verification (../verify-audit-chain.ts) finds the anchored rows rewritten or gone.
 */
import { createHmac, timingSafeEqual } from "node:crypto";

export type Anchor = { id: string; hash: string; at: string; sig: string };

function mac(key: string, anchor: Omit<Anchor, "sig">): string {
  return createHmac("sha256", key).update(`slipway-audit-anchor:v1:${anchor.id}:${anchor.hash}:${anchor.at}`).digest("hex");
}

export function signAnchor(key: string, head: { id: bigint; hash: string }, at = new Date()): Anchor {
  const unsigned = { id: String(head.id), hash: head.hash, at: at.toISOString() };
  return { ...unsigned, sig: mac(key, unsigned) };
}

export function anchorSignatureHolds(key: string, anchor: Anchor): boolean {
  const expected = Buffer.from(mac(key, anchor), "hex");
  const given = Buffer.from(typeof anchor.sig === "string" ? anchor.sig : "", "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}
