import { z } from "zod";
import { db } from "@/lib/db";
import { recordActorEvent } from "@/lib/audit/audit-events";
import { AppError } from "@/lib/errors";
import { userUseCase } from "@/lib/usecase/define";
import { dateTime } from "@/lib/validation/wire";

/**
 * People revoke their own tokens; someone else's token is "not found", not "forbidden".
 * Tokens made with it (and theirs) are revoked in the same transaction: the second
 * statement runs after the first has its row lock, so it sees a child whose creation
 * held the parent FOR SHARE (create-api-token.ts).
 */
export const revokeApiToken = userUseCase({
  name: "revokeApiToken",
  summary: "Revoke one of your tokens",
  input: z.object({ tokenId: z.uuid("must be a token id") }),
  output: z.object({ id: z.uuid(), revokedAt: dateTime }),
  route: { method: "DELETE", path: "/tokens/{tokenId}" },
  async run({ ctx, input }) {
    return db().$transaction(async (tx) => {
      const token = await tx.apiToken.findFirst({ where: { id: input.tokenId, userId: ctx.actor.id } });
      if (!token) throw new AppError("NOT_FOUND", "No such token.");
      if (token.revokedAt) return { id: token.id, revokedAt: token.revokedAt };
      const revokedAt = new Date();
      await tx.apiToken.update({ where: { id: token.id }, data: { revokedAt } });
      const derived = await tx.$executeRaw`
        WITH RECURSIVE derived AS (
          SELECT id FROM "ApiToken" WHERE "parentId" = ${token.id}::uuid
          UNION SELECT t.id FROM "ApiToken" t JOIN derived d ON t."parentId" = d.id
        )
        UPDATE "ApiToken" SET "revokedAt" = ${revokedAt} WHERE id IN (SELECT id FROM derived) AND "revokedAt" IS NULL`;
      await recordActorEvent(tx, ctx, "token.revoke", {
        target: { type: "token", id: token.id },
        data: { name: token.name, prefix: token.prefix, ...(derived > 0 ? { derivedRevoked: derived } : {}) },
      });
      return { id: token.id, revokedAt };
    });
  },
});
