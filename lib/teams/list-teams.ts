import { z } from "zod";
import { userUseCase } from "@/lib/usecase/define";
import { pageQuery } from "@/lib/validation/fields";
import { queryTeams } from "./query-teams";
import { teamSummary } from "./team.types";

/** The teams a person belongs to (every team for platform admins), by slug, keyset-paged. */
export const listTeams = userUseCase({
  name: "listTeams",
  summary: "Your teams (every team for platform admins), by slug; `cursor` is the previous page's nextCursor",
  input: pageQuery,
  output: z.object({ teams: z.array(teamSummary), nextCursor: z.string().nullable() }),
  route: { method: "GET", path: "/teams" },
  run: ({ ctx, input }) => queryTeams({ userId: ctx.actor.id, all: ctx.actor.isPlatformAdmin, ...input }),
});
