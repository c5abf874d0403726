import { db } from "@/lib/db";
import type { TeamContext } from "@/lib/authz/team-context";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { requireCluster } from "@/lib/cluster/platform-cluster";
import { restartApp as restartDeployment, scaleApp as scaleDeployment, teamClient, toK8sError } from "@/lib/k8s";
import { findApp } from "./find-app";

/** Runs a cluster call with the team's deployer token and audits success or failure. */
async function auditedClusterCall<T>(ctx: TeamContext, app: string, action: "app.restart" | "app.scale", data: Record<string, unknown>, call: (team: ReturnType<typeof teamClient>) => Promise<T>) {
  const team = teamClient(requireCluster(), ctx.team.namespace, "deployer");
  let result: T;
  try {
    result = await call(team);
  } catch (error) {
    const failure = toK8sError(error, { namespace: ctx.team.namespace, name: app });
    await db().$transaction((tx) =>
      recordAuditEvent({ tx, actor: ctx.actor, action, teamId: ctx.team.id, target: { type: "app", id: app }, data: { app, ...data, result: "failed", error: failure.message }, request: ctx.request }),
    );
    throw failure;
  }
  return result;
}

export async function restartApp(options: { ctx: TeamContext; app: string }) {
  const { ctx } = options;
  const app = await findApp(ctx, options.app);
  const at = new Date();
  await auditedClusterCall(ctx, app.name, "app.restart", {}, (team) => restartDeployment(team, ctx.team.namespace, app.name, { at }));
  await db().$transaction((tx) =>
    recordAuditEvent({ tx, actor: ctx.actor, action: "app.restart", teamId: ctx.team.id, target: { type: "app", id: app.name }, data: { app: app.name, result: "ok", restartedAt: at.toISOString() }, request: ctx.request }),
  );
  return { app: app.name, restartedAt: at };
}

/** Scales in the cluster and keeps the app's replicas in step, so the next deploy does not undo it. */
export async function scaleApp(options: { ctx: TeamContext; app: string; replicas: number }) {
  const { ctx, replicas } = options;
  const app = await findApp(ctx, options.app);
  await auditedClusterCall(ctx, app.name, "app.scale", { from: app.replicas, to: replicas }, (team) => scaleDeployment(team, ctx.team.namespace, app.name, replicas));
  await db().$transaction(async (tx) => {
    await tx.app.update({ where: { id: app.id }, data: { replicas } });
    await recordAuditEvent({ tx, actor: ctx.actor, action: "app.scale", teamId: ctx.team.id, target: { type: "app", id: app.name }, data: { app: app.name, from: app.replicas, to: replicas, result: "ok" }, request: ctx.request });
  });
  return { app: app.name, replicas };
}
