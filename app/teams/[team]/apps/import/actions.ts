"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { applyAppSpec } from "@/lib/apps/apply-app-spec";
import { teamAction } from "@/lib/authz/actions";

// app.create and app.update belong to the same roles; applyAppSpec checks the one it uses.
export const applyAppSpecAction = teamAction(
  "app.create",
  z.object({ yaml: z.string({ error: "is required" }) }),
  async ({ ctx, input }) => {
    const { app } = await applyAppSpec({ ctx, yaml: input.yaml });
    revalidatePath(`/teams/${ctx.team.slug}`);
    redirect(`/teams/${ctx.team.slug}/apps/${app.name}`);
  },
);
