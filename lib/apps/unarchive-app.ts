import { db } from "@/lib/db";
import { recordTeamEvent } from "@/lib/audit/audit-events";
import { AppError } from "@/lib/errors";
import { teamUseCase } from "@/lib/usecase/define";
import { appNameParam, appView } from "./app.types";
import { findApp } from "./find-app";

/** Brings an archived app back: listed again and deployable. Its replicas stay as they were saved. */
export const unarchiveApp = teamUseCase({
  name: "unarchiveApp",
  summary: "Bring an archived app back: listed again, deployable",
  permissions: ["app.archive"],
  input: appNameParam,
  output: appView,
  route: { method: "POST", path: "/teams/{team}/apps/{app}/unarchive" },
  async run({ ctx, input }) {
    return db().$transaction(async (tx) => {
      const app = await findApp(ctx, input.app, { tx, includeArchived: true });
      if (!app.archivedAt) throw new AppError("CONFLICT", `${app.name} is not archived.`);
      const restored = await tx.app.update({ where: { id: app.id }, data: { archivedAt: null } });
      await recordTeamEvent(tx, ctx, "app.unarchive", { target: { type: "app", id: app.name }, data: { app: app.name } });
      return restored;
    });
  },
});
