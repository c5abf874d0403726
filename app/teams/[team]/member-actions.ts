"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/adapters/form-action";
import { addMember } from "@/lib/members/add-member";
import { changeMemberRole } from "@/lib/members/change-member-role";
import { removeMember } from "@/lib/members/remove-member";

export const addMemberAction = formAction(addMember, {
  done: ({ ctx, output }) => {
    revalidatePath(`/teams/${ctx.team.slug}`);
    const when = output.pending ? " It applies when they first sign in." : "";
    const until = output.expiresAt ? ` until ${output.expiresAt.toISOString().slice(0, 16).replace("T", " ")} UTC` : "";
    return { message: `${output.email} is now a ${output.role.toLowerCase()} of ${ctx.team.name}${until}.${when}` };
  },
});

export const changeMemberRoleAction = formAction(changeMemberRole, {
  done: ({ ctx, output }) => {
    revalidatePath(`/teams/${ctx.team.slug}`);
    return { message: `${output.email} is now a ${output.role.toLowerCase()}.` };
  },
});

export const removeMemberAction = formAction(removeMember, {
  done: ({ ctx, output }) => {
    revalidatePath(`/teams/${ctx.team.slug}`);
    return { message: `Removed ${output.email} from ${ctx.team.name}.` };
  },
});
