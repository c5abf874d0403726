"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/adapters/form-action";
import { createEnvironment } from "@/lib/teams/create-environment";
import { updateEnvironment } from "@/lib/environments/update-environment";

export const createEnvironmentAction = formAction(createEnvironment, {
  done: ({ ctx, output }) => {
    revalidatePath(`/teams/${ctx.team.slug}`);
    return { message: `Environment ${output.name} is ready: namespace ${output.namespace} on cluster ${output.cluster}.` };
  },
});

export const updateEnvironmentAction = formAction(updateEnvironment, {
  done: ({ ctx, output: { environment } }) => {
    revalidatePath(`/teams/${ctx.team.slug}`);
    const approval = environment.requiresApproval ? "deploys need a second lead's approval" : "no approval needed";
    const freeze = environment.freezeUntil ? `frozen until ${environment.freezeUntil.toISOString()}` : "not frozen";
    return { message: `Saved ${environment.name}: ${approval}, ${freeze}.` };
  },
});
