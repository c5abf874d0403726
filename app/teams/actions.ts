"use server";

import { revalidatePath } from "next/cache";
import { adminAction } from "@/lib/authz/actions";
import { createTeam } from "@/lib/teams/create-team";
import { createTeamSchema } from "@/lib/teams/create-team.types";

export const createTeamAction = adminAction(createTeamSchema, async ({ ctx, input }) => {
  const { team, provisioning } = await createTeam({ ctx, input });
  revalidatePath("/teams");
  const cluster =
    provisioning.status === "provisioned"
      ? `namespace ${provisioning.namespace} is ready`
      : provisioning.status === "failed"
        ? `but its namespace could not be provisioned: ${provisioning.error}`
        : `(${provisioning.reason}, so no namespace was made)`;
  return { message: `Created team ${team.name}; ${cluster}.` };
});
