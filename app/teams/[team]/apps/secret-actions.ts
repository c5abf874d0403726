"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/adapters/form-action";
import { setSecret } from "@/lib/secrets/set-secret";
import { unsetSecret } from "@/lib/secrets/unset-secret";

const appPath = (team: string, app: string) => `/teams/${team}/apps/${app}`;
const rolling = (release: { sequence: number } | null) =>
  release ? ` The app is rolling out as release #${release.sequence}.` : " It takes effect at the first deploy.";

export const setSecretAction = formAction(setSecret, {
  writeOnly: ["value"],
  done: ({ ctx, input, output: { secret, release } }) => {
    revalidatePath(appPath(ctx.team.slug, input.app));
    return { message: `${secret.name} set (v${secret.version}).${rolling(release)}` };
  },
});

export const unsetSecretAction = formAction(unsetSecret, {
  done: ({ ctx, input, output: { name, release } }) => {
    revalidatePath(appPath(ctx.team.slug, input.app));
    return { message: `${name} removed.${release ? ` The app is rolling out as release #${release.sequence}.` : ""}` };
  },
});
