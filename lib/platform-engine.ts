/**
 * Everything the server's engine runs, composed in one place (the engine itself knows
 * none of it): releases and their reconciler, the rate-limit counter sweep, the audit
 * chain's sealer and the signed anchor of its head. Periodic work runs on the leader only.
 */
import { expireAccess } from "@/lib/access/expire-access";
import { anchorAuditHeadNow } from "@/lib/audit/anchor/anchor-now";
import { sealAuditChain } from "@/lib/audit/seal-audit-chain";
import { db } from "@/lib/db";
import { releaseTasks } from "@/lib/deploys/start-release-engine";
import { startEngine } from "@/lib/engine/start-engine";
import { env } from "@/lib/env";
import { sweepRateLimits } from "@/lib/rate-limit/rate-limit";
import { deliverDueWebhooks } from "@/lib/webhooks/deliver-webhooks";

const RATE_LIMIT_SWEEP_MS = 10 * 60_000;
/** Due webhook deliveries are claimed this often (one indexed query when there are none). */
const WEBHOOK_SWEEP_MS = 2_000;
const ACCESS_EXPIRY_MS = 15_000;
/** Committed audit events join the hash chain within about this long. */
const AUDIT_SEAL_MS = 1_000;

export function startPlatformEngine(): void {
  startEngine({
    runRelease: releaseTasks.runRelease,
    periodic: [
      ...releaseTasks.periodic,
      { name: "rate limit sweep", everyMs: RATE_LIMIT_SWEEP_MS, task: sweepRateLimits },
      { name: "access expiry", everyMs: ACCESS_EXPIRY_MS, task: () => expireAccess() },
      { name: "audit seal", everyMs: AUDIT_SEAL_MS, task: () => sealAuditChain(db()) },
      { name: "audit anchor", everyMs: env.SLIPWAY_AUDIT_ANCHOR_SECONDS * 1000, task: anchorAuditHeadNow },
      { name: "webhook deliveries", everyMs: WEBHOOK_SWEEP_MS, task: () => deliverDueWebhooks() },
    ],
  });
}
