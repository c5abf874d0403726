import { db } from "@/lib/db";
import type { TeamContext } from "@/lib/authz/team-context";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { scaleApp as scaleDeployment } from "@/lib/k8s";
import { auditedClusterCall } from "./audited-cluster-call";
import { findApp } from "./find-app";

/** Scales in the cluster and keeps the app's replicas in step, so the next deploy does not undo it. */
export async function scaleApp(options: { ctx: TeamContext; app: string; replicas: number }) {
  const { ctx, replicas } = options;
  const app = await findApp(ctx, options.app);
  await auditedClusterCall(ctx, app.name, "app.scale", { from: app.replicas, to: replicas }, (team) =>
    scaleDeployment(team, ctx.team.namespace, app.name, replicas),
  );
  await db().$transaction(async (tx) => {
    await tx.app.update({ where: { id: app.id }, data: { replicas } });
    await recordAuditEvent({
      tx,
      actor: ctx.actor,
      action: "app.scale",
      teamId: ctx.team.id,
      target: { type: "app", id: app.name },
      data: { app: app.name, from: app.replicas, to: replicas, result: "ok" },
      request: ctx.request,
    });
  });
  return { app: app.name, replicas };
}
