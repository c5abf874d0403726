import { z } from "zod";
import { db } from "@/lib/db";
import { recordTeamEvent } from "@/lib/audit/audit-events";
import { AppError } from "@/lib/errors";
import { teamUseCase } from "@/lib/usecase/define";
import { environmentName, environmentView } from "./environment.types";
import { environmentOf, viewOfEnvironment } from "./team-environments";

const blankToNull = (value: unknown) => (value === "" ? null : value);
const flag = z.preprocess((value) => (value === "true" || value === "on" ? true : value === "false" ? false : value), z.boolean());

/** A lead sets whether an environment requires approval and its freeze window (audited). */
export const updateEnvironment = teamUseCase({
  name: "updateEnvironment",
  summary: "Set whether deploys to an environment need a second lead's approval, and its freeze window (`freezeUntil` null: none)",
  permissions: ["environment.manage"],
  input: z.object({
    environment: environmentName,
    requiresApproval: flag.optional(),
    freezeUntil: z
      .preprocess(blankToNull, z.iso.datetime({ offset: true, error: "must be a date and time (ISO 8601)" }).nullable())
      .optional(),
    freezeReason: z.preprocess(blankToNull, z.string().trim().max(500, "must be at most 500 characters").nullable()).optional(),
  }),
  output: z.object({ environment: environmentView }),
  route: { method: "PATCH", path: "/teams/{team}/environments/{environment}" },
  async run({ ctx, input }) {
    const environment = await environmentOf(ctx, input.environment);
    if (environment.id === null) {
      throw new AppError("CONFLICT", `${environment.name} is not saved yet; create an environment first.`);
    }
    const freezeUntil = input.freezeUntil === undefined ? environment.freezeUntil : input.freezeUntil ? new Date(input.freezeUntil) : null;
    const freezeReason = freezeUntil ? (input.freezeReason === undefined ? environment.freezeReason : input.freezeReason) : null;
    if (input.freezeUntil && freezeUntil! <= new Date()) {
      throw new AppError("INVALID_INPUT", "A freeze must end in the future.", { fieldErrors: { freezeUntil: ["must be in the future"] } });
    }
    if (freezeUntil && !freezeReason) {
      throw new AppError("INVALID_INPUT", "Say why the environment is frozen.", {
        fieldErrors: { freezeReason: ["is required with freezeUntil"] },
      });
    }
    const requiresApproval = input.requiresApproval ?? environment.requiresApproval;
    const changed = [
      ...(requiresApproval !== environment.requiresApproval ? ["requiresApproval"] : []),
      ...(freezeUntil?.getTime() !== environment.freezeUntil?.getTime() ? ["freezeUntil"] : []),
      ...(freezeReason !== environment.freezeReason ? ["freezeReason"] : []),
    ];
    const id = environment.id;
    await db().$transaction(async (tx) => {
      await tx.environment.update({ where: { id }, data: { requiresApproval, freezeUntil, freezeReason } });
      await recordTeamEvent(tx, ctx, "environment.settings", {
        target: { type: "environment", id: environment.name },
        data: { environment: environment.name, requiresApproval, freezeUntil: freezeUntil?.toISOString() ?? null, freezeReason, changed },
      });
    });
    return { environment: viewOfEnvironment({ ...environment, requiresApproval, freezeUntil, freezeReason }) };
  },
});
