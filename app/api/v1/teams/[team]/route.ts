import { z } from "zod";
import { teamRoute } from "@/lib/api/route";
import { getTeam } from "@/lib/teams/get-team";

export const GET = teamRoute({ permission: "team.read", schema: z.object({}), input: "none" }, async ({ ctx }) => ({
  body: await getTeam({ ctx }),
}));
