"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/adapters/form-action";
import { AppError } from "@/lib/errors";
import { createTeam } from "@/lib/teams/create-team";
import { reprovisionTeam } from "@/lib/teams/reprovision-team";

export const createTeamAction = formAction(createTeam, {
  done: ({ output: { team, provisioning } }) => {
    revalidatePath("/teams");
    const cluster =
      provisioning.status === "provisioned"
        ? `namespace ${provisioning.namespace} is ready`
        : provisioning.status === "failed"
          ? `but its namespace could not be provisioned: ${provisioning.error}`
          : `(${provisioning.reason}, so no namespace was made)`;
    return { message: `Created team ${team.name}; ${cluster}.` };
  },
});

export const reprovisionTeamAction = formAction(reprovisionTeam, {
  done: ({ input, output }) => {
    revalidatePath(`/teams/${input.team}`);
    if (output.status === "failed") throw new AppError("CLUSTER_ERROR", `Provisioning failed: ${output.error}`);
    return { message: output.status === "provisioned" ? `Namespace ${output.namespace} is provisioned.` : `Skipped: ${output.reason}.` };
  },
});
