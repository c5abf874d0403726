import { z } from "zod";
import { db } from "@/lib/db";
import { userUseCase } from "@/lib/usecase/define";
import { noInput } from "@/lib/validation/wire";
import { apiTokenView } from "./api-token.types";

/** The caller's own tokens, newest first. */
export const listApiTokens = userUseCase({
  name: "listApiTokens",
  summary: "Your API tokens, newest first",
  input: noInput,
  output: z.object({ tokens: z.array(apiTokenView) }),
  route: { method: "GET", path: "/tokens" },
  async run({ ctx }) {
    const tokens = await db().apiToken.findMany({
      where: { userId: ctx.actor.id },
      orderBy: { createdAt: "desc" },
      take: 200,
      select: { id: true, name: true, prefix: true, expiresAt: true, lastUsedAt: true, revokedAt: true, createdAt: true },
    });
    return { tokens };
  },
});
