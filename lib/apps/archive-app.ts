import { z } from "zod";
import { db } from "@/lib/db";
import { recordTeamEvent } from "@/lib/audit/audit-events";
import { teamUseCase } from "@/lib/usecase/define";
import { appNameParam, appView } from "./app.types";
import { findApp } from "./find-app";
import { scaleToZeroIfDeployed } from "./scale-to-zero";

/**
 * Archiving hides the app from the team's list and stops deploys; its history stays and
 * unarchiveApp brings it back. With `scaleToZero` (what the UI offers first) its pods
 * are stopped, so an archived app no longer uses the team's quota; without, what runs
 * in the cluster is left alone.
 */
export const archiveApp = teamUseCase({
  name: "archiveApp",
  summary: "Archive the app: hidden, no more deploys, history kept; with scaleToZero its pods are stopped first",
  permissions: ["app.archive", "app.scale"],
  input: appNameParam.extend({ scaleToZero: z.boolean().default(false) }),
  output: appView,
  route: { method: "DELETE", path: "/teams/{team}/apps/{app}" },
  async run({ ctx, input }) {
    if (input.scaleToZero) await scaleToZeroIfDeployed(ctx, await findApp(ctx, input.app));
    return db().$transaction(async (tx) => {
      const app = await findApp(ctx, input.app, { tx });
      const archived = await tx.app.update({ where: { id: app.id }, data: { archivedAt: new Date() } });
      await recordTeamEvent(tx, ctx, "app.archive", { target: { type: "app", id: app.name }, data: { app: app.name } });
      return archived;
    });
  },
});
