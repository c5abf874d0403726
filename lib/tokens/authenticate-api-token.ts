import { db } from "@/lib/db";
import type { Actor } from "@/lib/authz/actor";
import { AppError, isAppError } from "@/lib/errors";
import { failedTokenLimit } from "@/lib/rate-limit/limits";
import { countAttempt, keyOf, refuseIfUsedUp } from "@/lib/rate-limit/rate-limit";
import { hashToken, isWellFormedToken } from "./token-format";

// lastUsedAt is informational; writing it at most once a minute keeps reads cheap.
const LAST_USED_GRANULARITY_MS = 60_000;

type TokenRow = {
  id: string | null;
  prefix: string;
  expiresAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  userId: string;
  email: string;
  name: string | null;
  isPlatformAdmin: boolean;
  disabledAt: Date | null;
  limitWindowStart: Date | null;
  limitCount: number | null;
};

/**
 * The person behind an `Authorization: Bearer slw_...` header, or UNAUTHENTICATED saying
 * why. Failures count against the client's address (`client`), shared by every replica;
 * past the limit even a good token waits (RATE_LIMITED, Retry-After) until the window ends.
 * The token, its owner and the client's failure counter are one query: this runs on
 * every API request.
 */
export async function authenticateApiToken(authorization: string | null, client?: string): Promise<Actor> {
  const limit = failedTokenLimit();
  const match = authorization?.match(/^Bearer\s+(\S+)$/i);
  const token = match?.[1];
  const [row] = await db().$queryRaw<TokenRow[]>`
    SELECT t.id, t.prefix, t."expiresAt", t."lastUsedAt", t."revokedAt",
           u.id AS "userId", u.email, u.name, u."isPlatformAdmin", u."disabledAt",
           r."windowStart" AS "limitWindowStart", r.count AS "limitCount"
    FROM (SELECT 1) AS one
    LEFT JOIN "ApiToken" t ON t."tokenHash" = ${token && isWellFormedToken(token) ? hashToken(token) : ""}
    LEFT JOIN "User" u ON u.id = t."userId"
    LEFT JOIN "RateLimit" r ON r.key = ${keyOf(limit, client)}`;
  refuseIfUsedUp(limit, row?.limitWindowStart ? { windowStart: row.limitWindowStart, count: row.limitCount! } : null, "failed tokens");
  try {
    return await checkToken(token, row?.id ? row : null);
  } catch (error) {
    if (isAppError(error) && error.code === "UNAUTHENTICATED") await countAttempt(limit, client, "failed tokens");
    throw error;
  }
}

async function checkToken(token: string | undefined, record: TokenRow | null): Promise<Actor> {
  if (!token) throw new AppError("UNAUTHENTICATED", "Send a personal access token: Authorization: Bearer slw_...");
  if (!isWellFormedToken(token)) throw new AppError("UNAUTHENTICATED", "That is not a Slipway token.");
  if (!record?.id) throw new AppError("UNAUTHENTICATED", "Unknown token.");
  if (record.disabledAt) throw new AppError("UNAUTHENTICATED", `Token ${record.prefix}… belongs to a disabled account.`);
  if (record.revokedAt) throw new AppError("UNAUTHENTICATED", `Token ${record.prefix}… was revoked.`);
  const now = new Date();
  if (record.expiresAt <= now)
    throw new AppError("UNAUTHENTICATED", `Token ${record.prefix}… expired on ${record.expiresAt.toISOString()}.`);
  if (!record.lastUsedAt || now.getTime() - record.lastUsedAt.getTime() > LAST_USED_GRANULARITY_MS) {
    await db().apiToken.update({ where: { id: record.id }, data: { lastUsedAt: now } });
  }
  return {
    id: record.userId,
    email: record.email,
    name: record.name,
    isPlatformAdmin: record.isPlatformAdmin,
    via: "token",
    tokenId: record.id,
  };
}
