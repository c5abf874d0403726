import { z } from "zod";
import { db } from "@/lib/db";
import { userUseCase } from "@/lib/usecase/define";

/**
 * For the header's badge: pending requests in the teams the caller leads (platform
 * admins are not counted in every team; they open a team's list themselves).
 */
export const countPendingApprovals = userUseCase({
  name: "countPendingApprovals",
  summary: "Pending access requests in the teams you lead, per team",
  input: z.object({}),
  output: z.object({ total: z.number().int(), teams: z.array(z.object({ team: z.string(), pending: z.number().int() })) }),
  route: { method: "GET", path: "/me/pending-approvals" },
  async run({ ctx }) {
    const now = new Date();
    const rows = await db().$queryRaw<{ slug: string; pending: number }[]>`
      SELECT t.slug, count(r.id)::int AS pending
      FROM "Membership" m
      JOIN "Team" t ON t.id = m."teamId"
      JOIN "AccessRequest" r ON r."teamId" = m."teamId" AND r.status = 'PENDING' AND r."expiresAt" > ${now}
      WHERE m."userId" = ${ctx.actor.id}::uuid AND m.role = 'LEAD' AND (m."expiresAt" IS NULL OR m."expiresAt" > ${now})
        AND r."requesterId" <> ${ctx.actor.id}::uuid
      GROUP BY t.slug ORDER BY pending DESC, t.slug`;
    const teams = rows.map((row) => ({ team: row.slug, pending: Number(row.pending) }));
    return { total: teams.reduce((sum, team) => sum + team.pending, 0), teams };
  },
});
