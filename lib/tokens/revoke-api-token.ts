import { z } from "zod";
import { db } from "@/lib/db";
import { recordActorEvent } from "@/lib/audit/audit-events";
import { AppError } from "@/lib/errors";
import { userUseCase } from "@/lib/usecase/define";
import { dateTime } from "@/lib/validation/wire";

/** People revoke their own tokens; someone else's token is "not found", not "forbidden". */
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
      await recordActorEvent(tx, ctx, "token.revoke", {
        target: { type: "token", id: token.id },
        data: { name: token.name, prefix: token.prefix },
      });
      return { id: token.id, revokedAt };
    });
  },
});
