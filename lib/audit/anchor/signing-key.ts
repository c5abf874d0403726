/**
 * The key that signs audit anchors: SLIPWAY_AUDIT_SIGNING_KEY (required in production
 * unless anchoring is off, lib/env.ts). Outside production one is generated once into
 * DATA_DIR, like the session secret. Keep it away from the database's owner: with it,
 * they could sign anchors for a rewritten chain.
 */
import path from "node:path";
import { env } from "@/lib/env";
import { readOrCreateDevSecret } from "@/lib/auth/secret";

let cached: string | undefined;

export function auditSigningKey(): string | undefined {
  if (env.SLIPWAY_AUDIT_SIGNING_KEY) return env.SLIPWAY_AUDIT_SIGNING_KEY;
  if (env.NODE_ENV === "production") return undefined;
  cached ??= readOrCreateDevSecret(path.resolve(env.DATA_DIR, "audit-signing-key"));
  return cached;
}
