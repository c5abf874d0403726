import { db } from "@/lib/db";
import type { Actor } from "@/lib/authz/actor";

/** The actor's own tokens, newest first (never the hash). */
export async function listApiTokens(options: { actor: Actor }) {
  return db().apiToken.findMany({
    where: { userId: options.actor.id },
    orderBy: { createdAt: "desc" },
    take: 200,
    select: { id: true, name: true, prefix: true, expiresAt: true, lastUsedAt: true, revokedAt: true, createdAt: true },
  });
}
