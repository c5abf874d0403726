"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formAction } from "@/lib/adapters/form-action";
import { formFieldOf, formToSpec } from "@/lib/apps/app-form";
import { applyAppSpec } from "@/lib/apps/apply-app-spec";
import { archiveApp } from "@/lib/apps/archive-app";
import { unarchiveApp } from "@/lib/apps/unarchive-app";
import { createApp } from "@/lib/apps/create-app";
import { restartApp } from "@/lib/apps/restart-app";
import { scaleApp } from "@/lib/apps/scale-app";
import { updateApp } from "@/lib/apps/update-app";
import { deployApp } from "@/lib/deploys/deploy-app";
import { reapplyRelease } from "@/lib/deploys/reapply-release";
import { rollbackRelease } from "@/lib/deploys/rollback-release";

const appPath = (team: string, app: string) => `/teams/${team}/apps/${app}`;

export const createAppAction = formAction(createApp, {
  fromForm: formToSpec,
  fieldOf: formFieldOf,
  done: ({ ctx, output }) => redirect(appPath(ctx.team.slug, output.name)),
});

export const updateAppAction = formAction(updateApp, {
  fromForm: (values) => ({ spec: formToSpec(values) }),
  fieldOf: formFieldOf,
  done: ({ ctx, output }) => {
    revalidatePath(appPath(ctx.team.slug, output.name));
    return { message: "Saved. The changes apply at the next deploy." };
  },
});

export const applyAppSpecAction = formAction(applyAppSpec, {
  fromForm: (values) => ({ text: values.yaml }),
  done: ({ ctx, output }) => {
    revalidatePath(`/teams/${ctx.team.slug}`);
    redirect(appPath(ctx.team.slug, output.app.name));
  },
});

export const archiveAppAction = formAction(archiveApp, {
  fromForm: (values) => ({ scaleToZero: values.scaleToZero === "on" }),
  done: ({ ctx }) => redirect(`/teams/${ctx.team.slug}`),
});

export const unarchiveAppAction = formAction(unarchiveApp, {
  done: ({ ctx, output }) => {
    revalidatePath(`/teams/${ctx.team.slug}`);
    return { message: `${output.name} is back: it is listed again and can be deployed.` };
  },
});

export const deployAction = formAction(deployApp, {
  done: ({ ctx, input, output: { release, created } }) => {
    revalidatePath(appPath(ctx.team.slug, input.app));
    return {
      message: created ? `Release #${release.sequence} started.` : `Release #${release.sequence} was already started by this form.`,
    };
  },
});

export const rollbackAction = formAction(rollbackRelease, {
  done: ({ ctx, input, output: { release } }) => {
    revalidatePath(appPath(ctx.team.slug, input.app));
    return { message: `Rolling back to release #${input.sequence} as release #${release.sequence}.` };
  },
});

export const restartAction = formAction(restartApp, {
  done: ({ ctx, input }) => {
    revalidatePath(appPath(ctx.team.slug, input.app));
    return { message: "Restarting: every pod is being replaced." };
  },
});

export const scaleAction = formAction(scaleApp, {
  done: ({ ctx, input }) => {
    revalidatePath(appPath(ctx.team.slug, input.app));
    return { message: `Scaled to ${input.replicas}.` };
  },
});

export const reapplyAction = formAction(reapplyRelease, {
  done: ({ ctx, input, output: { release } }) => {
    revalidatePath(appPath(ctx.team.slug, input.app));
    return { message: `Re-applying as release #${release.sequence}.` };
  },
});
