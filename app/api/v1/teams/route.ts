import { adminRoute, userRoute } from "@/lib/api/route";
import { createTeam } from "@/lib/teams/create-team";
import { createTeamSchema } from "@/lib/teams/create-team.types";
import { listTeams } from "@/lib/teams/list-teams";
import { pageQuery } from "@/lib/validation/fields";

export const GET = userRoute({ schema: pageQuery, input: "query" }, async ({ actor, input }) => ({
  body: await listTeams({ actor, limit: input.limit, cursor: input.cursor }),
}));

export const POST = adminRoute({ schema: createTeamSchema, input: "body" }, async ({ ctx, input }) => ({
  status: 201,
  body: await createTeam({ ctx, input }),
}));
