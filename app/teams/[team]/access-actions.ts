"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/adapters/form-action";
import { approveAccessRequest } from "@/lib/access/approve-access-request";
import { denyAccessRequest } from "@/lib/access/deny-access-request";
import { requestAccess } from "@/lib/access/request-access";
import { setAccessSettings } from "@/lib/access/set-access-settings";
import { ROLE_LABELS } from "@/lib/authz/permissions";

export const requestAccessAction = formAction(requestAccess, {
  done: ({ output }) => {
    const span = output.hours === null ? "" : ` for ${output.hours} hours`;
    return {
      message: `Your request for ${ROLE_LABELS[output.role]}${span} went to the team's leads. It stays open until ${output.expiresAt.toISOString().slice(0, 16).replace("T", " ")} UTC.`,
    };
  },
});

export const approveAccessRequestAction = formAction(approveAccessRequest, {
  done: ({ ctx, output }) => {
    // The header's badge counts pending requests: every page's layout changes.
    revalidatePath("/", "layout");
    const until = output.grantedUntil ? ` until ${output.grantedUntil.toISOString().slice(0, 16).replace("T", " ")} UTC` : "";
    return { message: `${output.requester.email} is now a ${ROLE_LABELS[output.grantedRole!]} of ${ctx.team.name}${until}.` };
  },
});

export const denyAccessRequestAction = formAction(denyAccessRequest, {
  done: ({ output }) => {
    revalidatePath("/", "layout");
    return { message: `Denied ${output.requester.email}'s request.` };
  },
});

export const setAccessSettingsAction = formAction(setAccessSettings, {
  done: ({ ctx, output }) => {
    revalidatePath(`/teams/${ctx.team.slug}`);
    return { message: `Requests to ${ctx.team.name} may now ask for up to ${output.accessMaxHours} hours.` };
  },
});
