"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/adapters/form-action";
import { createEnvironment } from "@/lib/teams/create-environment";

export const createEnvironmentAction = formAction(createEnvironment, {
  done: ({ ctx, output }) => {
    revalidatePath(`/teams/${ctx.team.slug}`);
    return { message: `Environment ${output.name} is ready: namespace ${output.namespace} on cluster ${output.cluster}.` };
  },
});
