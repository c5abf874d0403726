import { db } from "@/lib/db";
import type { TeamContext } from "@/lib/authz/team-context";
import type { Role } from "@/lib/generated/prisma/enums";

export type MemberView = {
  userId: string;
  email: string;
  name: string | null;
  role: Role;
  pending: boolean;
  grantedAt: Date;
  grantedBy: string | null;
};

const ROLE_ORDER: Record<Role, number> = { LEAD: 0, DEPLOYER: 1, VIEWER: 2 };

/** Everyone in the team, leads first. Teams are people-sized, so this is one query, unpaged. */
export async function listMembers(options: { ctx: TeamContext }): Promise<MemberView[]> {
  const rows = await db().membership.findMany({
    where: { teamId: options.ctx.team.id },
    select: {
      role: true,
      grantedAt: true,
      user: { select: { id: true, email: true, name: true, subject: true } },
      grantedBy: { select: { email: true } },
    },
    orderBy: { user: { email: "asc" } },
  });
  return rows
    .map((row) => ({
      userId: row.user.id,
      email: row.user.email,
      name: row.user.name,
      role: row.role,
      pending: row.user.subject === null,
      grantedAt: row.grantedAt,
      grantedBy: row.grantedBy?.email ?? null,
    }))
    .sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role]);
}
