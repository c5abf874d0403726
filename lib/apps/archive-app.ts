import { db } from "@/lib/db";
import { recordTeamEvent } from "@/lib/audit/audit-events";
import { teamUseCase } from "@/lib/usecase/define";
import { appNameParam, appView } from "./app.types";
import { findApp } from "./find-app";

/**
 * Archiving hides the app and stops deploys; its history stays. What runs in the
 * cluster is left alone (scale to 0 first to stop it).
 */
export const archiveApp = teamUseCase({
  name: "archiveApp",
  summary: "Archive the app: hidden, no more deploys, history kept; what runs is left alone",
  permissions: ["app.archive"],
  input: appNameParam,
  output: appView,
  route: { method: "DELETE", path: "/teams/{team}/apps/{app}" },
  async run({ ctx, input }) {
    return db().$transaction(async (tx) => {
      const app = await findApp(ctx, input.app, { tx });
      const archived = await tx.app.update({ where: { id: app.id }, data: { archivedAt: new Date() } });
      await recordTeamEvent(tx, ctx, "app.archive", { target: { type: "app", id: app.name }, data: { app: app.name } });
      return archived;
    });
  },
});
