/**
 * Sends the outbox (lib/audit/enqueue-webhook-deliveries.ts): a periodic task of the
 * leader. Due rows are claimed in one statement (FOR UPDATE SKIP LOCKED, a transaction
 * of its own) that also pushes their nextAttemptAt a claim's length ahead, so nothing is
 * held during the POST and a process that dies mid-send leaves the row due again once
 * the claim lapses: delivery is at least once, and the event id lets receivers
 * deduplicate. Failures are retried with backoff until MAX_ATTEMPTS.
 */
import { db } from "@/lib/db";
import type { WebhookEnvelope } from "@/lib/audit/enqueue-webhook-deliveries";
import { logger } from "@/lib/observability/logger";
import { webhookUrlProblem } from "./allowed-hosts";
import { openSecret } from "@/lib/crypto/secret-box";
import { signatureHeader } from "./signature";
import { webhookBody } from "./webhook-body";

/** Waits after the 1st, 2nd, ... failed attempt; after the last, the delivery has failed for good. */
export const RETRY_DELAYS_SECONDS = [10, 30, 120, 600, 3600] as const;
export const MAX_ATTEMPTS = RETRY_DELAYS_SECONDS.length + 1;
const CLAIM_SECONDS = 60;
const BATCH = 20;
export const SEND_TIMEOUT_MS = 5_000;
const EXCERPT = 1000;

type Claimed = { id: bigint; webhookId: string; eventType: string; payload: WebhookEnvelope; attempts: number };
type Outcome = { ok: boolean; responseStatus?: number; responseBody?: string; error?: string; durationMs?: number; final?: boolean };

export type DeliverOptions = { fetch?: typeof fetch };

/** Sends every due delivery once; answers how many were claimed, delivered and failed for good. */
export async function deliverDueWebhooks(options: DeliverOptions = {}): Promise<{ claimed: number; delivered: number; failed: number }> {
  const claimed = await db().$queryRaw<Claimed[]>`
    UPDATE "WebhookDelivery" SET "nextAttemptAt" = now() + make_interval(secs => ${CLAIM_SECONDS}), "attempts" = "attempts" + 1, "lastAttemptAt" = now()
    WHERE id IN (
      SELECT id FROM "WebhookDelivery" WHERE status = 'PENDING' AND "nextAttemptAt" <= now()
      ORDER BY "nextAttemptAt" LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)
    RETURNING id, "webhookId", "eventType", payload, attempts`;
  if (claimed.length === 0) return { claimed: 0, delivered: 0, failed: 0 };
  const outcomes = await Promise.all(claimed.map((delivery) => attempt(delivery, options.fetch ?? fetch)));
  const counts = { claimed: claimed.length, delivered: 0, failed: 0 };
  for (const [index, outcome] of outcomes.entries()) {
    const delivery = claimed[index]!;
    const giveUp = !outcome.ok && (outcome.final || delivery.attempts >= MAX_ATTEMPTS);
    if (outcome.ok) counts.delivered += 1;
    if (giveUp) counts.failed += 1;
    const status = outcome.ok ? "DELIVERED" : giveUp ? "FAILED" : "PENDING";
    const delay = RETRY_DELAYS_SECONDS[Math.min(delivery.attempts, RETRY_DELAYS_SECONDS.length) - 1]!;
    // Guarded by the attempt count: a claim that lapsed and was taken again is not overwritten.
    await db().webhookDelivery.updateMany({
      where: { id: delivery.id, attempts: delivery.attempts, status: "PENDING" },
      data: {
        status,
        responseStatus: outcome.responseStatus ?? null,
        responseBody: outcome.responseBody ?? null,
        error: outcome.error?.slice(0, EXCERPT) ?? null,
        durationMs: outcome.durationMs ?? null,
        ...(outcome.ok ? { deliveredAt: new Date() } : {}),
        ...(status === "PENDING" ? { nextAttemptAt: new Date(Date.now() + delay * 1000) } : {}),
      },
    });
    if (!outcome.ok) {
      logger.warn(
        { webhookId: delivery.webhookId, delivery: delivery.id.toString(), attempts: delivery.attempts, status, error: outcome.error },
        "webhook delivery failed",
      );
    }
  }
  return counts;
}

async function attempt(delivery: Claimed, send: typeof fetch): Promise<Outcome> {
  const webhook = await db().webhook.findUnique({ where: { id: delivery.webhookId } });
  if (!webhook) return { ok: false, final: true, error: "the webhook was deleted" };
  if (!webhook.active) return { ok: false, final: true, error: "not sent: the webhook is inactive" };
  const problem = webhookUrlProblem(webhook.url);
  if (problem) return { ok: false, final: true, error: `not sent: URL ${problem}` };
  let secret: string;
  try {
    secret = openSecret(webhook.secretEncrypted);
  } catch {
    return { ok: false, final: true, error: "not sent: the signing secret cannot be decrypted (was SLIPWAY_SECRET_KEY changed?)" };
  }
  const body = webhookBody(webhook.format, delivery.payload);
  const started = performance.now();
  try {
    const response = await send(webhook.url, {
      method: "POST",
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
      headers: {
        "content-type": "application/json",
        "user-agent": "Slipway-Webhooks/1",
        "slipway-event": delivery.eventType,
        "slipway-delivery": delivery.id.toString(),
        "slipway-signature": signatureHeader(secret, body),
      },
    });
    const responseBody = await excerpt(response);
    const durationMs = Math.round(performance.now() - started);
    const ok = response.status >= 200 && response.status < 300;
    return { ok, responseStatus: response.status, responseBody, durationMs, ...(ok ? {} : { error: `HTTP ${response.status}` }) };
  } catch (error) {
    const durationMs = Math.round(performance.now() - started);
    const timedOut = (error as Error).name === "TimeoutError";
    return { ok: false, durationMs, error: timedOut ? `no answer within ${SEND_TIMEOUT_MS / 1000} s` : describe(error) };
  }
}

function describe(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  if (cause?.code) return `${cause.code}: ${cause.message ?? ""}`.trim();
  return cause?.message ? `${(error as Error).message}: ${cause.message}` : (error as Error).message;
}

/** The first characters of the answer, without reading a large one to its end. */
async function excerpt(response: Response): Promise<string> {
  if (!response.body) return "";
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < EXCERPT) {
      const { value, done } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.length;
    }
  } finally {
    await reader.cancel().catch(() => {});
  }
  return Buffer.concat(chunks).toString("utf8").slice(0, EXCERPT);
}
