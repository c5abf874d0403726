import { z } from "zod";
import { adminRoute } from "@/lib/api/route";
import { reprovisionTeam } from "@/lib/teams/reprovision-team";

/** Provisions the team's namespace again (platform admins); the outcome is audited. */
export const POST = adminRoute({ schema: z.object({ team: z.string() }), input: "none" }, async ({ ctx, input }) => ({
  body: await reprovisionTeam({ ctx, slug: input.team }),
}));
