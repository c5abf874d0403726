import { z } from "zod";
import { db } from "@/lib/db";
import { findApp } from "@/lib/apps/find-app";
import { auditedClusterCall } from "@/lib/cluster/audited-cluster-call";
import { releaseView } from "@/lib/deploys/release.types";
import { AppError } from "@/lib/errors";
import { removeSecretValue } from "@/lib/k8s";
import { teamUseCase } from "@/lib/usecase/define";
import { inEveryEnvironment, rollForSecret } from "./roll-for-secret";
import { secretParams } from "./secret.types";

/**
 * Removes one secret from the app's Kubernetes Secret; the row keeps its last version
 * (marked removed), so setting the name again continues the count. A deployed app rolls
 * as a new release without the variable.
 */
export const unsetSecret = teamUseCase({
  name: "unsetSecret",
  summary: "Remove a secret (the app rolls as a new release without it when it has been deployed)",
  permissions: ["secret.write", "app.deploy"],
  input: secretParams,
  output: z.object({ name: z.string(), version: z.number().int(), release: releaseView.nullable() }),
  route: { method: "DELETE", path: "/teams/{team}/apps/{app}/secrets/{name}" },
  async run({ ctx, input }) {
    const app = await findApp(ctx, input.app);
    const { name } = input;
    const existing = await db().appSecret.findUnique({ where: { appId_name: { appId: app.id, name } } });
    if (!existing || existing.removedAt) throw new AppError("NOT_FOUND", `${app.name} has no secret ${name}.`);
    await auditedClusterCall(
      ctx,
      {
        action: "secret.unset",
        target: { type: "app", id: app.name },
        data: { app: app.name, name, version: existing.version },
        after: (tx) => tx.appSecret.update({ where: { id: existing.id }, data: { removedAt: new Date() } }),
      },
      () => inEveryEnvironment(ctx, (team, namespace) => removeSecretValue(team, { namespace, team: ctx.team.slug, app: app.name }, name)),
    );
    const release = await rollForSecret(ctx, app, `secret ${name} removed`);
    return { name, version: existing.version, release };
  },
});
