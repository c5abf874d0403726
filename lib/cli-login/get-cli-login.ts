import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { userUseCase } from "@/lib/usecase/define";
import { dateTime } from "@/lib/validation/wire";
import { loginCode } from "./cli-login.types";

/** What the approval page shows: where the CLI runs, and whether the code is still good. */
export const getCliLogin = userUseCase({
  name: "getCliLogin",
  summary: "A pending `slipway login` by its code, for the approval page",
  input: z.object({ code: loginCode }),
  output: z.object({
    code: z.string(),
    clientName: z.string(),
    state: z.enum(["pending", "approved", "expired"]),
    expiresAt: dateTime,
  }),
  route: { method: "GET", path: "/cli/logins/{code}" },
  async run({ ctx, input }) {
    const login = await db().cliLogin.findUnique({ where: { code: input.code } });
    // Someone else's approved login is as unknown as a wrong code.
    if (!login || (login.userId && login.userId !== ctx.actor.id)) throw new AppError("NOT_FOUND", "No such login code.");
    const state = login.approvedAt ? ("approved" as const) : login.expiresAt <= new Date() ? ("expired" as const) : ("pending" as const);
    return { code: login.code, clientName: login.clientName, state, expiresAt: login.expiresAt };
  },
});
