import { z } from "zod";
import { db } from "@/lib/db";
import { recordActorEvent } from "@/lib/audit/audit-events";
import { AppError } from "@/lib/errors";
import { userUseCase } from "@/lib/usecase/define";
import { dateTime } from "@/lib/validation/wire";
import { createApiTokenInput } from "./api-token.types";
import { generateToken } from "./token-format";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Creates a token for the caller themselves. The plain token is returned once, never
 * stored. A token made with a token (CI, the CLI) cannot outlive or outrank it: it
 * expires no later than its parent, and revoking the parent revokes it (parentId). The
 * parent's row is locked FOR SHARE while the child is inserted, so a concurrent
 * revocation either sees the child or comes first and refuses it.
 */
export const createApiToken = userUseCase({
  name: "createApiToken",
  summary:
    "Create an API token; the response is the only time it is shown. A token made with a token expires no later than it and is revoked with it",
  input: createApiTokenInput,
  output: z.object({ token: z.string(), id: z.uuid(), name: z.string(), prefix: z.string(), expiresAt: dateTime, createdAt: dateTime }),
  route: { method: "POST", path: "/tokens", status: 201 },
  async run({ ctx, input }) {
    const { token, hash, prefix } = generateToken();
    const record = await db().$transaction(async (tx) => {
      let expiresAt = new Date(Date.now() + input.expiresInDays * DAY_MS);
      const parentId = ctx.actor.via === "token" ? ctx.actor.tokenId : undefined;
      if (parentId) {
        const [parent] = await tx.$queryRaw<{ expiresAt: Date; revokedAt: Date | null }[]>`
          SELECT "expiresAt", "revokedAt" FROM "ApiToken" WHERE id = ${parentId}::uuid FOR SHARE`;
        if (!parent || parent.revokedAt || parent.expiresAt <= new Date()) {
          throw new AppError("UNAUTHENTICATED", "The token this request came with is no longer valid.");
        }
        if (parent.expiresAt < expiresAt) expiresAt = parent.expiresAt;
      }
      const created = await tx.apiToken.create({
        data: { userId: ctx.actor.id, name: input.name, tokenHash: hash, prefix, expiresAt, parentId },
        select: { id: true, name: true, prefix: true, expiresAt: true, createdAt: true },
      });
      await recordActorEvent(tx, ctx, "token.create", {
        target: { type: "token", id: created.id },
        data: { name: created.name, prefix, expiresAt: created.expiresAt.toISOString(), via: ctx.actor.via },
      });
      return created;
    });
    return { token, ...record };
  },
});
