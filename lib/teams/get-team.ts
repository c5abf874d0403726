import { z } from "zod";
import { teamLeadEmails } from "@/lib/authz/authorize";
import { teamUseCase } from "@/lib/usecase/define";
import { role } from "@/lib/validation/fields";
import { noInput } from "@/lib/validation/wire";
import { teamRef } from "./team.types";

/** The team as the caller sees it: their role and whom to ask for more. */
export const getTeam = teamUseCase({
  name: "getTeam",
  summary: "The team, your role in it and its leads",
  permissions: ["team.read"],
  input: noInput,
  output: teamRef.extend({ role: role.nullable(), leads: z.array(z.string()) }),
  route: { method: "GET", path: "/teams/{team}" },
  async run({ ctx }) {
    return { ...ctx.team, role: ctx.role, leads: await teamLeadEmails(ctx.team.id) };
  },
});
