import { z } from "zod";
import { db } from "@/lib/db";
import { recordActorEvent } from "@/lib/audit/audit-events";
import { AppError } from "@/lib/errors";
import { userUseCase } from "@/lib/usecase/define";
import { loginCode } from "./cli-login.types";

/**
 * The signed-in person says "that is me, in my terminal": the CLI that started this
 * login may now collect a token acting as them. Once per code, before it expires.
 */
export const approveCliLogin = userUseCase({
  name: "approveCliLogin",
  summary: "Approve a pending `slipway login` as yourself",
  input: z.object({ code: loginCode }),
  output: z.object({ code: z.string(), clientName: z.string() }),
  route: { method: "POST", path: "/cli/logins/{code}/approval" },
  async run({ ctx, input }) {
    return db().$transaction(async (tx) => {
      const now = new Date();
      const approved = await tx.cliLogin.updateMany({
        where: { code: input.code, approvedAt: null, expiresAt: { gt: now } },
        data: { approvedAt: now, userId: ctx.actor.id },
      });
      const login = await tx.cliLogin.findUnique({ where: { code: input.code } });
      if (approved.count === 0) {
        if (login?.approvedAt && login.userId === ctx.actor.id) return { code: login.code, clientName: login.clientName };
        throw new AppError(
          login && !login.approvedAt ? "CONFLICT" : "NOT_FOUND",
          login && !login.approvedAt ? "This login code has expired. Run slipway login again." : "No such login code.",
        );
      }
      await recordActorEvent(tx, ctx, "cli.login.approve", {
        target: { type: "user", id: ctx.actor.id },
        data: { code: input.code, clientName: login!.clientName },
      });
      return { code: login!.code, clientName: login!.clientName };
    });
  },
});
