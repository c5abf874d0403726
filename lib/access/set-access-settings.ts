import { z } from "zod";
import { db } from "@/lib/db";
import { recordTeamEvent } from "@/lib/audit/audit-events";
import { teamUseCase } from "@/lib/usecase/define";
import { wholeNumber } from "@/lib/validation/fields";
import { MAX_GRANT_HOURS } from "@/lib/validation/grant-hours";

/** A lead bounds how long an access request to the team may ask for. */
export const setAccessSettings = teamUseCase({
  name: "setAccessSettings",
  summary: "Set the longest time (in hours) an access request to the team may ask for",
  permissions: ["member.grant"],
  input: z.object({
    accessMaxHours: wholeNumber({
      min: 1,
      max: MAX_GRANT_HOURS,
      what: "a whole number of hours",
      range: `must be 1-${MAX_GRANT_HOURS} hours`,
    }),
  }),
  output: z.object({ accessMaxHours: z.number().int() }),
  route: { method: "PUT", path: "/teams/{team}/access-settings" },
  async run({ ctx, input }) {
    return db().$transaction(async (tx) => {
      const before = await tx.team.findUniqueOrThrow({ where: { id: ctx.team.id }, select: { accessMaxHours: true } });
      await tx.team.update({ where: { id: ctx.team.id }, data: { accessMaxHours: input.accessMaxHours } });
      await recordTeamEvent(tx, ctx, "team.access.settings", {
        target: { type: "team", id: ctx.team.id },
        data: { accessMaxHours: input.accessMaxHours, previous: before.accessMaxHours },
      });
      return { accessMaxHours: input.accessMaxHours };
    });
  },
});
