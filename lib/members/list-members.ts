import { z } from "zod";
import { db } from "@/lib/db";
import { givesARole, membershipNow } from "@/lib/authz/effective-role";
import type { Role } from "@/lib/generated/prisma/enums";
import { teamUseCase } from "@/lib/usecase/define";
import { noInput } from "@/lib/validation/wire";
import { memberView } from "./member.types";

const ROLE_ORDER: Record<Role, number> = { LEAD: 0, DEPLOYER: 1, VIEWER: 2 };

/** Everyone in the team, leads first. Teams are people-sized, so this is one query, unpaged. */
export const listMembers = teamUseCase({
  name: "listMembers",
  summary: "Everyone in the team, leads first",
  permissions: ["team.read"],
  input: noInput,
  output: z.object({ members: z.array(memberView) }),
  route: { method: "GET", path: "/teams/{team}/members" },
  run: async ({ ctx }) => ({ members: await membersOf(ctx.team.id) }),
});

async function membersOf(teamId: string) {
  const now = new Date();
  const rows = await db().membership.findMany({
    // An expired grant the sweep has not reached yet is listed as what it returned to, or not at all.
    where: { teamId, ...givesARole(now) },
    select: {
      role: true,
      grantedAt: true,
      expiresAt: true,
      expiresTo: true,
      user: { select: { id: true, email: true, name: true, subject: true } },
      grantedBy: { select: { email: true } },
    },
    orderBy: { user: { email: "asc" } },
  });
  return rows
    .map((row) => membershipNow(row, now))
    .map((row) => ({
      userId: row.user.id,
      email: row.user.email,
      name: row.user.name,
      role: row.role,
      pending: row.user.subject === null,
      grantedAt: row.grantedAt,
      grantedBy: row.grantedBy?.email ?? null,
      expiresAt: row.expiresAt,
      expiresTo: row.expiresTo,
    }))
    .sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role]);
}
