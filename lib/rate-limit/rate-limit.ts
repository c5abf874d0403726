/**
 * Fixed-window counters in PostgreSQL, so every replica counts against the same limit:
 * one row per (limit, client address), reset when its window has passed, bumped with
 * one upsert. A limit of 0 switches it off. Old rows are swept by the leader
 * (sweepRateLimits). Unknown addresses (no socket peer) share one counter: stricter,
 * never looser.
 */
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

export type RateLimit = { name: string; max: number; windowSeconds: number };

export function keyOf(limit: RateLimit, client: string | undefined): string {
  return `${limit.name}:${client ?? "unknown"}`.slice(0, 200);
}

function windowStart(limit: RateLimit, now = Date.now()): Date {
  const ms = limit.windowSeconds * 1000;
  return new Date(Math.floor(now / ms) * ms);
}

function retryAfter(limit: RateLimit, start: Date): number {
  return Math.max(1, Math.ceil((start.getTime() + limit.windowSeconds * 1000 - Date.now()) / 1000));
}

function refuse(limit: RateLimit, start: Date, what: string): never {
  const seconds = retryAfter(limit, start);
  throw new AppError("RATE_LIMITED", `Too many ${what} from your address; try again in ${seconds} s.`, { retryAfterSeconds: seconds });
}

/** Throws RATE_LIMITED (with Retry-After) when the client has used up this window, without counting. */
export async function assertUnderLimit(limit: RateLimit, client: string | undefined, what: string): Promise<void> {
  if (limit.max === 0) return;
  const row = await db().rateLimit.findUnique({ where: { key: keyOf(limit, client) } });
  refuseIfUsedUp(limit, row, what);
}

/**
 * assertUnderLimit on a counter row the caller read itself (`keyOf` names it), for a
 * hot path that reads it in the same query as something else.
 */
export function refuseIfUsedUp(limit: RateLimit, row: { windowStart: Date; count: number } | null, what: string): void {
  if (limit.max === 0 || !row) return;
  const start = windowStart(limit);
  if (row.windowStart.getTime() === start.getTime() && row.count >= limit.max) refuse(limit, start, what);
}

/** Counts one attempt; throws RATE_LIMITED when it is over the limit. */
export async function countAttempt(limit: RateLimit, client: string | undefined, what: string): Promise<void> {
  if (limit.max === 0) return;
  const start = windowStart(limit);
  const [row] = await db().$queryRaw<{ count: number }[]>`
    INSERT INTO "RateLimit" ("key", "windowStart", "count") VALUES (${keyOf(limit, client)}, ${start}, 1)
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimit"."windowStart" = EXCLUDED."windowStart" THEN "RateLimit"."count" + 1 ELSE 1 END,
      "windowStart" = EXCLUDED."windowStart"
    RETURNING "count"`;
  if (row && row.count > limit.max) refuse(limit, start, what);
}

/** Deletes counters whose window ended long ago (run by the leader). */
export async function sweepRateLimits(): Promise<void> {
  await db().rateLimit.deleteMany({ where: { windowStart: { lt: new Date(Date.now() - 60 * 60 * 1000) } } });
}
