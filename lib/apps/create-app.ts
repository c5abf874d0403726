import { db } from "@/lib/db";
import type { TeamContext } from "@/lib/authz/team-context";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { isUniqueViolation } from "@/lib/db-errors";
import { AppError } from "@/lib/errors";
import { assertAppHostAllowed } from "./app-host";
import type { AppSpecInput } from "./app-spec.types";
import { appSettingsOf } from "./spec-of-app";

export async function createApp(options: { ctx: TeamContext; input: AppSpecInput }) {
  const { ctx, input } = options;
  assertAppHostAllowed(ctx.team, input.host);
  try {
    return await db().$transaction(async (tx) => {
      const app = await tx.app.create({
        data: {
          teamId: ctx.team.id,
          name: input.name,
          ...appSettingsOf(input),
          createdById: ctx.actor.id,
        },
      });
      await recordAuditEvent({
        tx,
        actor: ctx.actor,
        action: "app.create",
        teamId: ctx.team.id,
        target: { type: "app", id: app.name },
        data: { app: app.name, imageRepository: app.imageRepository, replicas: app.replicas },
        request: ctx.request,
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
}
