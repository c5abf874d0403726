import { teamRoute } from "@/lib/api/route";
import { changeMemberRole } from "@/lib/members/change-member-role";
import { changeMemberRoleSchema, removeMemberSchema } from "@/lib/members/members.types";
import { removeMember } from "@/lib/members/remove-member";

export const PATCH = teamRoute({ permission: "member.grant", schema: changeMemberRoleSchema, input: "body" }, async ({ ctx, input }) => ({
  body: await changeMemberRole({ ctx, input }),
}));

export const DELETE = teamRoute({ permission: "member.grant", schema: removeMemberSchema, input: "none" }, async ({ ctx, input }) => ({
  body: await removeMember({ ctx, input }),
}));
