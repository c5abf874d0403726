/**
 * Every use-case that changes something in a team's cluster goes through here: the
 * call runs in the environment's namespace on the environment's cluster (the team's
 * default environment when none is given), with the token of the *caller's* role
 * (clusterRoleOf). Intent before, outcome after: the intent ("started") is committed in
 * a short transaction before the cluster is called, so a crash or a database failure
 * after the call still leaves a record of a change that may have happened; the outcome,
 * success or failure with the cluster's message and the intent's id, is audited in one
 * transaction with whatever the use-case records in the database about it (`after`).
 * No transaction is open during the call.
 */
import { db, type Tx } from "@/lib/db";
import { clusterRoleOf } from "@/lib/authz/authorize";
import type { AnyTeamContext } from "@/lib/authz/team-context";
import { recordTeamEvent, type AuditPayloads, type AuditTarget, type ClusterOutcome } from "@/lib/audit/audit-events";
import { teamClient, toK8sError, type PlatformClient, type TeamClient } from "@/lib/k8s";
import { requireClusterFor } from "@/lib/platform-cluster";
import { environmentOf, type TeamEnvironment } from "@/lib/environments/team-environments";

type ClusterAction = { [A in keyof AuditPayloads]: AuditPayloads[A] extends ClusterOutcome ? A : never }[keyof AuditPayloads];
type Details<A extends ClusterAction> = AuditPayloads[A] extends infer P
  ? P extends ClusterOutcome
    ? Omit<P, "result" | "error">
    : never
  : never;

/** The environment's ServiceAccount for the caller's role: viewers read with the viewer token, everyone else acts with the deployer's. */
export function teamClusterClient(
  ctx: AnyTeamContext,
  environment: Pick<TeamEnvironment, "namespace">,
  cluster: PlatformClient,
): TeamClient {
  return teamClient(cluster, environment.namespace, clusterRoleOf(ctx));
}

export async function auditedClusterCall<A extends ClusterAction, T>(
  ctx: AnyTeamContext,
  event: {
    action: A;
    target: AuditTarget;
    /** What to record besides the outcome; a function when it depends on the result (undefined when the call failed). */
    data: Details<A> | ((result: T | undefined) => Details<A>);
    after?: (tx: Tx, result: T) => Promise<unknown>;
    /** Where the call goes; the team's default environment when left out. */
    environment?: TeamEnvironment;
  },
  call: (clients: { team: TeamClient; platform: PlatformClient; namespace: string }) => Promise<T>,
): Promise<T> {
  const environment = event.environment ?? (await environmentOf(ctx, undefined));
  const platform = await requireClusterFor(environment.clusterId);
  const intent = await db().$transaction((tx) =>
    recordTeamEvent(tx, ctx, event.action, {
      target: event.target,
      data: { ...(details(event.data, undefined) as object), result: "started" } as AuditPayloads[A],
    }),
  );
  const intentId = intent.id.toString();
  let result: T;
  try {
    result = await call({ team: teamClusterClient(ctx, environment, platform), platform, namespace: environment.namespace });
  } catch (error) {
    const failure = toK8sError(error, { namespace: environment.namespace, name: event.target.id });
    const data = { ...(details(event.data, undefined) as object), result: "failed", error: failure.message, intentId } as AuditPayloads[A];
    await db().$transaction((tx) => recordTeamEvent(tx, ctx, event.action, { target: event.target, data }));
    throw failure;
  }
  await db().$transaction(async (tx) => {
    await event.after?.(tx, result);
    await recordTeamEvent(tx, ctx, event.action, {
      target: event.target,
      data: { ...(details(event.data, result) as object), result: "ok", intentId } as AuditPayloads[A],
    });
  });
  return result;
}

function details<D extends object, T>(data: D | ((result: T | undefined) => D), result: T | undefined): D {
  return typeof data === "function" ? data(result) : data;
}
