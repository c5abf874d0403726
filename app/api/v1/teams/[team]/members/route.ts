import { z } from "zod";
import { teamRoute } from "@/lib/api/route";
import { addMember } from "@/lib/members/add-member";
import { listMembers } from "@/lib/members/list-members";
import { addMemberSchema } from "@/lib/members/members.types";

export const GET = teamRoute({ permission: "team.read", schema: z.object({}), input: "none" }, async ({ ctx }) => ({
  body: { members: await listMembers({ ctx }) },
}));

export const POST = teamRoute({ permission: "member.grant", schema: addMemberSchema, input: "body" }, async ({ ctx, input }) => ({
  status: 201,
  body: await addMember({ ctx, input }),
}));
