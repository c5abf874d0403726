"use server";

import { revalidatePath } from "next/cache";
import { adminAction } from "@/lib/authz/actions";
import { createTeam } from "@/lib/teams/create-team";
import { createTeamSchema } from "@/lib/teams/create-team.types";
import { reprovisionTeam } from "@/lib/teams/reprovision-team";
import { AppError } from "@/lib/errors";
import { z } from "zod";

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

export const reprovisionTeamAction = adminAction(z.object({ team: z.string() }), async ({ ctx, input }) => {
  const outcome = await reprovisionTeam({ ctx, slug: input.team });
  revalidatePath(`/teams/${input.team}`);
  if (outcome.status === "failed") throw new AppError("CLUSTER_ERROR", `Provisioning failed: ${outcome.error}`);
  return { message: outcome.status === "provisioned" ? `Namespace ${outcome.namespace} is provisioned.` : `Skipped: ${outcome.reason}.` };
});
