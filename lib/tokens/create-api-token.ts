import { z } from "zod";
import { db } from "@/lib/db";
import { recordActorEvent } from "@/lib/audit/audit-events";
import { userUseCase } from "@/lib/usecase/define";
import { dateTime } from "@/lib/validation/wire";
import { createApiTokenInput } from "./api-token.types";
import { generateToken } from "./token-format";

const DAY_MS = 24 * 60 * 60 * 1000;

/** Creates a token for the caller themselves. The plain token is returned once, never stored. */
export const createApiToken = userUseCase({
  name: "createApiToken",
  summary: "Create an API token; the response is the only time it is shown",
  input: createApiTokenInput,
  output: z.object({ token: z.string(), id: z.uuid(), name: z.string(), prefix: z.string(), expiresAt: dateTime, createdAt: dateTime }),
  route: { method: "POST", path: "/tokens", status: 201 },
  async run({ ctx, input }) {
    const { token, hash, prefix } = generateToken();
    const record = await db().$transaction(async (tx) => {
      const created = await tx.apiToken.create({
        data: {
          userId: ctx.actor.id,
          name: input.name,
          tokenHash: hash,
          prefix,
          expiresAt: new Date(Date.now() + input.expiresInDays * DAY_MS),
        },
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
