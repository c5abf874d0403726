"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/adapters/form-action";
import { approveRelease } from "@/lib/deploys/approve-release";
import { promoteRelease } from "@/lib/deploys/promote-release";
import { rejectRelease } from "@/lib/deploys/reject-release";

const appPath = (team: string, app: string) => `/teams/${team}/apps/${app}`;

export const promoteAction = formAction(promoteRelease, {
  done: ({ ctx, input, output: { release } }) => {
    revalidatePath(appPath(ctx.team.slug, input.app));
    return {
      message:
        release.status === "AWAITING_APPROVAL"
          ? `Release #${release.sequence} to ${input.to} waits for another lead's approval.`
          : `Promoting to ${input.to} as release #${release.sequence}.`,
    };
  },
});

export const approveReleaseAction = formAction(approveRelease, {
  done: ({ ctx, input }) => {
    revalidatePath(appPath(ctx.team.slug, input.app));
    return { message: `Approved release #${input.sequence}: it is being deployed.` };
  },
});

export const rejectReleaseAction = formAction(rejectRelease, {
  done: ({ ctx, input }) => {
    revalidatePath(appPath(ctx.team.slug, input.app));
    return { message: `Rejected release #${input.sequence}.` };
  },
});
