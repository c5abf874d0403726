"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { appFormSchema, formFieldOf } from "@/lib/apps/app-form";
import { replicaCount } from "@/lib/apps/app-spec.types";
import { archiveApp } from "@/lib/apps/archive-app";
import { createApp } from "@/lib/apps/create-app";
import { restartApp } from "@/lib/apps/restart-app";
import { scaleApp } from "@/lib/apps/scale-app";
import { updateApp } from "@/lib/apps/update-app";
import { teamAction } from "@/lib/authz/actions";
import { deployApp } from "@/lib/deploys/deploy-app";
import { deployAppSchema, rollbackSchema } from "@/lib/deploys/deploy-app.types";
import { rollbackRelease } from "@/lib/deploys/rollback-release";

const appName = z.object({ app: z.string() });
const appPath = (team: string, app: string) => `/teams/${team}/apps/${app}`;

export const createAppAction = teamAction(
  "app.create",
  appFormSchema,
  async ({ ctx, input }) => {
    await createApp({ ctx, input });
    redirect(appPath(ctx.team.slug, input.name));
  },
  { fieldOf: formFieldOf },
);

export const updateAppAction = teamAction(
  "app.update",
  appFormSchema,
  async ({ ctx, input }) => {
    await updateApp({ ctx, app: input.name, input });
    revalidatePath(appPath(ctx.team.slug, input.name));
    return { message: "Saved. The changes apply at the next deploy." };
  },
  { fieldOf: formFieldOf },
);

export const archiveAppAction = teamAction("app.archive", appName, async ({ ctx, input }) => {
  await archiveApp({ ctx, app: input.app });
  redirect(`/teams/${ctx.team.slug}`);
});

export const deployAction = teamAction("app.deploy", deployAppSchema.extend(appName.shape), async ({ ctx, input }) => {
  const { release, created } = await deployApp({ ctx, app: input.app, input });
  revalidatePath(appPath(ctx.team.slug, input.app));
  return { message: created ? `Release #${release.sequence} started.` : `Release #${release.sequence} was already started by this form.` };
});

export const rollbackAction = teamAction("app.deploy", rollbackSchema.extend(appName.shape), async ({ ctx, input }) => {
  const { release } = await rollbackRelease({ ctx, app: input.app, input });
  revalidatePath(appPath(ctx.team.slug, input.app));
  return { message: `Rolling back to release #${input.sequence} as release #${release.sequence}.` };
});

export const restartAction = teamAction("app.restart", appName, async ({ ctx, input }) => {
  await restartApp({ ctx, app: input.app });
  revalidatePath(appPath(ctx.team.slug, input.app));
  return { message: "Restarting: every pod is being replaced." };
});

export const scaleAction = teamAction("app.scale", appName.extend({ replicas: replicaCount }), async ({ ctx, input }) => {
  await scaleApp({ ctx, app: input.app, replicas: input.replicas });
  revalidatePath(appPath(ctx.team.slug, input.app));
  return { message: `Scaled to ${input.replicas}.` };
});
