import { db } from "@/lib/db";
import type { TeamContext } from "@/lib/authz/team-context";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { findApp } from "./find-app";

/**
 * Archiving hides the app and stops deploys; its history stays. What runs in the
 * cluster is left alone (scale to 0 first to stop it).
 */
export async function archiveApp(options: { ctx: TeamContext; app: string }) {
  const { ctx } = options;
  return db().$transaction(async (tx) => {
    const app = await findApp(ctx, options.app, { tx });
    const archived = await tx.app.update({ where: { id: app.id }, data: { archivedAt: new Date() } });
    await recordAuditEvent({
      tx,
      actor: ctx.actor,
      action: "app.archive",
      teamId: ctx.team.id,
      target: { type: "app", id: app.name },
      data: { app: app.name },
      request: ctx.request,
    });
    return archived;
  });
}
