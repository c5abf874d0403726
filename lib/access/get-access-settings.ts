import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { userUseCase } from "@/lib/usecase/define";

/** What someone about to ask needs to know: the team's name, its leads and its longest grant. */
export const getAccessSettings = userUseCase({
  name: "getAccessSettings",
  summary: "The longest time an access request to the team may ask for, and whom it goes to",
  input: z.object({ team: z.string() }),
  output: z.object({ team: z.string(), name: z.string(), accessMaxHours: z.number().int(), leads: z.array(z.string()) }),
  route: { method: "GET", path: "/teams/{team}/access-settings" },
  async run({ input }) {
    const team = await db().team.findUnique({
      where: { slug: input.team },
      select: {
        slug: true,
        name: true,
        accessMaxHours: true,
        memberships: {
          where: { role: "LEAD", OR: [{ expiresAt: null }, { expiresAt: { gt: new Date() } }] },
          select: { user: { select: { email: true } } },
          orderBy: { grantedAt: "asc" },
        },
      },
    });
    if (!team) throw new AppError("NOT_FOUND", `Team "${input.team}" does not exist.`);
    return { team: team.slug, name: team.name, accessMaxHours: team.accessMaxHours, leads: team.memberships.map((m) => m.user.email) };
  },
});
