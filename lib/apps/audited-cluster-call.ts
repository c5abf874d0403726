import { db } from "@/lib/db";
import type { TeamContext } from "@/lib/authz/team-context";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { requireCluster } from "@/lib/cluster/platform-cluster";
import { teamClient, toK8sError } from "@/lib/k8s";

/** Runs a cluster call with the team's deployer token; a failure is audited here, success by the caller (with its own details). */
export async function auditedClusterCall<T>(
  ctx: TeamContext,
  app: string,
  action: "app.restart" | "app.scale",
  data: Record<string, unknown>,
  call: (team: ReturnType<typeof teamClient>) => Promise<T>,
) {
  const team = teamClient(requireCluster(), ctx.team.namespace, "deployer");
  let result: T;
  try {
    result = await call(team);
  } catch (error) {
    const failure = toK8sError(error, { namespace: ctx.team.namespace, name: app });
    await db().$transaction((tx) =>
      recordAuditEvent({
        tx,
        actor: ctx.actor,
        action,
        teamId: ctx.team.id,
        target: { type: "app", id: app },
        data: { app, ...data, result: "failed", error: failure.message },
        request: ctx.request,
      }),
    );
    throw failure;
  }
  return result;
}
