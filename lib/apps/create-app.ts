import { db } from "@/lib/db";
import { recordTeamEvent } from "@/lib/audit/audit-events";
import { isUniqueViolation } from "@/lib/db-errors";
import { AppError } from "@/lib/errors";
import { teamUseCase } from "@/lib/usecase/define";
import { assertAppHostAllowed } from "./app-host";
import { appSpecSchema } from "./app-spec.types";
import { appView } from "./app.types";
import { appSettingsOf } from "./spec-of-app";

export const createApp = teamUseCase({
  name: "createApp",
  summary: "Register an app",
  permissions: ["app.create"],
  input: appSpecSchema,
  output: appView,
  route: { method: "POST", path: "/teams/{team}/apps", status: 201 },
  async run({ ctx, input }) {
    assertAppHostAllowed(ctx.team, input.host);
    try {
      return await db().$transaction(async (tx) => {
        const app = await tx.app.create({
          data: { teamId: ctx.team.id, name: input.name, ...appSettingsOf(input), createdById: ctx.actor.id },
        });
        await recordTeamEvent(tx, ctx, "app.create", {
          target: { type: "app", id: app.name },
          data: { app: app.name, imageRepository: app.imageRepository, replicas: app.replicas },
        });
        return app;
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new AppError("CONFLICT", `${ctx.team.name} already has an app named "${input.name}".`, {
          fieldErrors: { name: ["is taken in this team"] },
        });
      }
      throw error;
    }
  },
});
