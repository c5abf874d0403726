"use server";

import { revalidatePath } from "next/cache";
import { teamAction } from "@/lib/authz/actions";
import { addMember } from "@/lib/members/add-member";
import { changeMemberRole } from "@/lib/members/change-member-role";
import { addMemberSchema, changeMemberRoleSchema, removeMemberSchema } from "@/lib/members/members.types";
import { removeMember } from "@/lib/members/remove-member";

export const addMemberAction = teamAction("member.grant", addMemberSchema, async ({ ctx, input }) => {
  const added = await addMember({ ctx, input });
  revalidatePath(`/teams/${ctx.team.slug}`);
  const when = added.pending ? " It applies when they first sign in." : "";
  return { message: `${added.email} is now a ${added.role.toLowerCase()} of ${ctx.team.name}.${when}` };
});

export const changeMemberRoleAction = teamAction("member.grant", changeMemberRoleSchema, async ({ ctx, input }) => {
  const changed = await changeMemberRole({ ctx, input });
  revalidatePath(`/teams/${ctx.team.slug}`);
  return { message: `${changed.email} is now a ${changed.role.toLowerCase()}.` };
});

export const removeMemberAction = teamAction("member.grant", removeMemberSchema, async ({ ctx, input }) => {
  const removed = await removeMember({ ctx, input });
  revalidatePath(`/teams/${ctx.team.slug}`);
  return { message: `Removed ${removed.email} from ${ctx.team.name}.` };
});
