import { z } from "zod";
import { db } from "@/lib/db";
import { recordActorEvent } from "@/lib/audit/audit-events";
import { authorizeUser } from "@/lib/authz/authorize";
import { AppError } from "@/lib/errors";
import { generateToken } from "@/lib/tokens/token-format";
import { publicUseCase } from "@/lib/usecase/define";
import { dateTime } from "@/lib/validation/wire";
import { CLI_TOKEN_DAYS, hashLoginSecret } from "./cli-login.types";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * What `slipway login` polls with its secret: "pending" until the person approves, then
 * once, a new API token of theirs (made now, so no usable secret ever waited in the
 * database). Wrong, expired or already collected secrets are all "not found".
 */
export const collectCliLogin = publicUseCase({
  name: "collectCliLogin",
  summary: "Poll a `slipway login` with its secret: pending, or (once) the approved person's new API token",
  input: z.object({ secret: z.string().min(1, "is required").max(100) }),
  output: z.discriminatedUnion("status", [
    z.object({ status: z.literal("pending") }),
    z.object({
      status: z.literal("approved"),
      token: z.string(),
      expiresAt: dateTime,
      user: z.object({ email: z.string(), name: z.string().nullable() }),
    }),
  ]),
  route: { method: "POST", path: "/cli/logins/token" },
  async run({ ctx: { request }, input }) {
    const now = new Date();
    return db().$transaction(async (tx) => {
      const login = await tx.cliLogin.findUnique({ where: { secretHash: hashLoginSecret(input.secret) }, include: { user: true } });
      if (!login || login.collectedAt || (!login.approvedAt && login.expiresAt <= now)) {
        throw new AppError("NOT_FOUND", "No such login, or it expired or was used. Run slipway login again.");
      }
      if (!login.approvedAt || !login.user) return { status: "pending" as const };
      // Only one poll wins the token, however many arrive at once.
      const claimed = await tx.cliLogin.updateMany({ where: { id: login.id, collectedAt: null }, data: { collectedAt: now } });
      if (claimed.count === 0) throw new AppError("NOT_FOUND", "This login was already used. Run slipway login again.");
      const { token, hash, prefix } = generateToken();
      const created = await tx.apiToken.create({
        data: {
          userId: login.user.id,
          name: `slipway login (${login.clientName})`.slice(0, 100),
          tokenHash: hash,
          prefix,
          expiresAt: new Date(now.getTime() + CLI_TOKEN_DAYS * DAY_MS),
        },
      });
      const ctx = authorizeUser({ actor: { ...login.user, via: "cli" }, request });
      await recordActorEvent(tx, ctx, "token.create", {
        target: { type: "token", id: created.id },
        data: { name: created.name, prefix, expiresAt: created.expiresAt.toISOString(), via: "cli" },
      });
      return { status: "approved" as const, token, expiresAt: created.expiresAt, user: { email: login.user.email, name: login.user.name } };
    });
  },
});
