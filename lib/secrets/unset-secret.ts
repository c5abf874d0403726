import { z } from "zod";
import { db } from "@/lib/db";
import { findApp } from "@/lib/apps/find-app";
import { auditedClusterCall } from "@/lib/cluster/audited-cluster-call";
import { releaseView } from "@/lib/deploys/release.types";
import { AppError } from "@/lib/errors";
import { removeSecretValue } from "@/lib/k8s";
import { teamUseCase } from "@/lib/usecase/define";
import { rollForSecret, secretEnvironmentOf } from "./roll-for-secret";
import { secretParams } from "./secret.types";

/**
 * Removes one secret from the app's Kubernetes Secret in one environment; the row keeps its last version
 * (marked removed), so setting the name again continues the count. A deployed app rolls
 * as a new release without the variable.
 */
export const unsetSecret = teamUseCase({
  name: "unsetSecret",
  summary:
    "Remove a secret from `environment` (default: the team's first; the app rolls there as a new release without it when it has been deployed there)",
  permissions: ["secret.write", "app.deploy"],
  input: secretParams,
  output: z.object({ name: z.string(), version: z.number().int(), release: releaseView.nullable() }),
  route: { method: "DELETE", path: "/teams/{team}/apps/{app}/secrets/{name}" },
  async run({ ctx, input }) {
    const app = await findApp(ctx, input.app);
    const { name } = input;
    const environment = await secretEnvironmentOf(ctx, input.environment);
    const existing = await db().appSecret.findUnique({
      where: { appId_environmentId_name: { appId: app.id, environmentId: environment.id, name } },
    });
    if (!existing || existing.removedAt) throw new AppError("NOT_FOUND", `${app.name} has no secret ${name} in ${environment.name}.`);
    await auditedClusterCall(
      ctx,
      {
        action: "secret.unset",
        target: { type: "app", id: app.name },
        data: { app: app.name, name, version: existing.version, environment: environment.name },
        environment,
        after: (tx) => tx.appSecret.update({ where: { id: existing.id }, data: { removedAt: new Date() } }),
      },
      ({ team, namespace }) => removeSecretValue(team, { namespace, team: ctx.team.slug, app: app.name }, name),
    );
    const release = await rollForSecret(ctx, app, environment, `secret ${name} removed`);
    return { name, version: existing.version, release };
  },
});
