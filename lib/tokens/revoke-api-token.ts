import { z } from "zod";
import { db } from "@/lib/db";
import type { Actor, RequestInfo } from "@/lib/authz/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { AppError } from "@/lib/errors";

export const revokeApiTokenSchema = z.object({ tokenId: z.uuid("must be a token id") });

/** People revoke their own tokens; someone else's token is "not found", not "forbidden". */
export async function revokeApiToken(options: { actor: Actor; request: RequestInfo; input: z.infer<typeof revokeApiTokenSchema> }) {
  const { actor, input } = options;
  return db().$transaction(async (tx) => {
    const token = await tx.apiToken.findFirst({ where: { id: input.tokenId, userId: actor.id } });
    if (!token) throw new AppError("NOT_FOUND", "No such token.");
    if (token.revokedAt) return { id: token.id, revokedAt: token.revokedAt };
    const revoked = await tx.apiToken.update({ where: { id: token.id }, data: { revokedAt: new Date() } });
    await recordAuditEvent({
      tx,
      actor,
      action: "token.revoke",
      target: { type: "token", id: token.id },
      data: { name: token.name, prefix: token.prefix },
      request: options.request,
    });
    return { id: revoked.id, revokedAt: revoked.revokedAt };
  });
}
