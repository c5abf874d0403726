import { z } from "zod";
import { findApp } from "@/lib/apps/find-app";
import { auditedClusterCall } from "@/lib/cluster/audited-cluster-call";
import { releaseView } from "@/lib/deploys/release.types";
import { AppError } from "@/lib/errors";
import { applySecretValue } from "@/lib/k8s";
import { db } from "@/lib/db";
import { teamUseCase } from "@/lib/usecase/define";
import { rollForSecret, secretEnvironmentOf } from "./roll-for-secret";
import { MAX_SECRETS_PER_APP, secretParams, secretValue, secretView } from "./secret.types";

/**
 * Sets or replaces one secret in one environment: the value goes only to the app's
 * Kubernetes Secret in that environment's namespace (team token of the caller's role);
 * the database gets the name, the next version, who and when. Where the app is deployed
 * in that environment, it rolls as a new release with the new version.
 */
export const setSecret = teamUseCase({
  name: "setSecret",
  summary:
    "Set or replace a secret value in `environment` (default: the team's first; write-only; the app rolls there as a new release when it has been deployed there)",
  permissions: ["secret.write", "app.deploy"],
  input: secretParams.extend({ value: secretValue }),
  output: z.object({ secret: secretView, release: releaseView.nullable() }),
  route: { method: "PUT", path: "/teams/{team}/apps/{app}/secrets/{name}" },
  async run({ ctx, input }) {
    const app = await findApp(ctx, input.app);
    const { name } = input;
    const environment = await secretEnvironmentOf(ctx, input.environment);
    const key = { appId_environmentId_name: { appId: app.id, environmentId: environment.id, name } };
    const env = (app.env ?? []) as { name: string }[];
    if (env.some((v) => v.name === name)) {
      throw new AppError(
        "INVALID_INPUT",
        `${name} is already a plain environment variable of ${app.name}; remove it from the settings first.`,
        {
          fieldErrors: { name: [`${name} is already a plain environment variable of this app`] },
        },
      );
    }
    const existing = await db().appSecret.findUnique({ where: key });
    if (!existing || existing.removedAt) {
      const count = await db().appSecret.count({ where: { appId: app.id, environmentId: environment.id, removedAt: null } });
      if (count >= MAX_SECRETS_PER_APP) {
        throw new AppError("INVALID_INPUT", `${app.name} already has ${MAX_SECRETS_PER_APP} secrets, the most an app may have.`, {
          fieldErrors: { name: [`an app may have at most ${MAX_SECRETS_PER_APP} secrets`] },
        });
      }
    }
    let stored: { version: number } | undefined;
    await auditedClusterCall(
      ctx,
      {
        action: "secret.set",
        target: { type: "app", id: app.name },
        data: () => ({ app: app.name, name, version: stored?.version ?? (existing?.version ?? 0) + 1, environment: environment.name }),
        environment,
        after: async (tx) => {
          const now = new Date();
          const who = { setById: ctx.actor.id, setAt: now, removedAt: null };
          stored = await tx.appSecret.upsert({
            where: key,
            create: { appId: app.id, environmentId: environment.id, name, version: 1, ...who },
            update: { version: { increment: 1 }, ...who },
          });
        },
      },
      ({ team, namespace }) => applySecretValue(team, { namespace, team: ctx.team.slug, app: app.name }, name, input.value),
    );
    const secret = await db().appSecret.findUniqueOrThrow({
      where: key,
      select: { name: true, version: true, setAt: true, setBy: { select: { email: true, name: true } } },
    });
    const release = await rollForSecret(ctx, app, environment, `secret ${name} changed`);
    return { secret, release };
  },
});
