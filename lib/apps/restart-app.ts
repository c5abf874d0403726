import { db } from "@/lib/db";
import type { TeamContext } from "@/lib/authz/team-context";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { restartApp as restartDeployment } from "@/lib/k8s";
import { auditedClusterCall } from "./audited-cluster-call";
import { findApp } from "./find-app";

/** What `kubectl rollout restart` does, with the team's deployer token. */
export async function restartApp(options: { ctx: TeamContext; app: string }) {
  const { ctx } = options;
  const app = await findApp(ctx, options.app);
  const at = new Date();
  await auditedClusterCall(ctx, app.name, "app.restart", {}, (team) => restartDeployment(team, ctx.team.namespace, app.name, { at }));
  await db().$transaction((tx) =>
    recordAuditEvent({
      tx,
      actor: ctx.actor,
      action: "app.restart",
      teamId: ctx.team.id,
      target: { type: "app", id: app.name },
      data: { app: app.name, result: "ok", restartedAt: at.toISOString() },
      request: ctx.request,
    }),
  );
  return { app: app.name, restartedAt: at };
}
