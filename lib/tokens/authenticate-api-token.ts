import { db } from "@/lib/db";
import type { Actor } from "@/lib/authz/actor";
import { AppError, isAppError } from "@/lib/errors";
import { failedTokenLimit } from "@/lib/rate-limit/limits";
import { assertUnderLimit, countAttempt } from "@/lib/rate-limit/rate-limit";
import { hashToken, isWellFormedToken } from "./token-format";

// lastUsedAt is informational; writing it at most once a minute keeps reads cheap.
const LAST_USED_GRANULARITY_MS = 60_000;

/**
 * The person behind an `Authorization: Bearer slw_...` header, or UNAUTHENTICATED saying
 * why. Failures count against the client's address (`client`), shared by every replica;
 * past the limit even a good token waits (RATE_LIMITED, Retry-After) until the window ends.
 */
export async function authenticateApiToken(authorization: string | null, client?: string): Promise<Actor> {
  await assertUnderLimit(failedTokenLimit(), client, "failed tokens");
  try {
    return await lookUpToken(authorization);
  } catch (error) {
    if (isAppError(error) && error.code === "UNAUTHENTICATED") await countAttempt(failedTokenLimit(), client, "failed tokens");
    throw error;
  }
}

async function lookUpToken(authorization: string | null): Promise<Actor> {
  const match = authorization?.match(/^Bearer\s+(\S+)$/i);
  if (!match) throw new AppError("UNAUTHENTICATED", "Send a personal access token: Authorization: Bearer slw_...");
  const token = match[1]!;
  if (!isWellFormedToken(token)) throw new AppError("UNAUTHENTICATED", "That is not a Slipway token.");
  const record = await db().apiToken.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { user: { select: { id: true, email: true, name: true, isPlatformAdmin: true, disabledAt: true } } },
  });
  if (!record) throw new AppError("UNAUTHENTICATED", "Unknown token.");
  if (record.user.disabledAt) throw new AppError("UNAUTHENTICATED", `Token ${record.prefix}… belongs to a disabled account.`);
  if (record.revokedAt) throw new AppError("UNAUTHENTICATED", `Token ${record.prefix}… was revoked.`);
  const now = new Date();
  if (record.expiresAt <= now)
    throw new AppError("UNAUTHENTICATED", `Token ${record.prefix}… expired on ${record.expiresAt.toISOString()}.`);
  if (!record.lastUsedAt || now.getTime() - record.lastUsedAt.getTime() > LAST_USED_GRANULARITY_MS) {
    await db().apiToken.update({ where: { id: record.id }, data: { lastUsedAt: now } });
  }
  const { disabledAt: _disabledAt, ...user } = record.user;
  return { ...user, via: "token", tokenId: record.id };
}
