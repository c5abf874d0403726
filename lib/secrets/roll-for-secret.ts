import { db } from "@/lib/db";
import type { AnyTeamContext, TeamContext } from "@/lib/authz/team-context";
import type { ReleaseSpec } from "@/lib/apps/release-spec";
import { teamClusterClient } from "@/lib/cluster/audited-cluster-call";
import { requestRelease } from "@/lib/deploys/request-release";
import { teamEnvironments } from "@/lib/environments/team-environments";
import type { TeamClient } from "@/lib/k8s";
import { requireClusterFor } from "@/lib/platform-cluster";

/**
 * An app's secrets are the same in each of its team's environments (per-environment
 * values are not built yet): a value is written to the app's Secret in every
 * environment's namespace, on that environment's cluster, with the caller's team token.
 */
export async function inEveryEnvironment(
  ctx: AnyTeamContext,
  write: (team: TeamClient, namespace: string) => Promise<unknown>,
): Promise<void> {
  for (const environment of await teamEnvironments(ctx.team)) {
    await write(teamClusterClient(ctx, environment, await requireClusterFor(environment.clusterId)), environment.namespace);
  }
}

/**
 * A changed secret reaches the pods as a new release through the usual deploy path, in
 * each environment the app runs in: the spec of the release that is going out or
 * running there (the newest one that did not fail, else the newest that reached the
 * cluster), with the secret versions of now, whose hash in the pod template replaces
 * every pod. An environment the app was never deployed to is left alone. Answers the
 * release of the first environment that got one.
 */
export async function rollForSecret(ctx: TeamContext<"app.deploy">, app: { id: string; name: string }, reason: string) {
  const newest = { orderBy: { sequence: "desc" as const } };
  let first = null;
  for (const environment of await teamEnvironments(ctx.team)) {
    const where = { appId: app.id, environmentId: environment.id };
    const current =
      (await db().release.findFirst({ where: { ...where, status: { not: "FAILED" } }, ...newest })) ??
      (await db().release.findFirst({ where: { ...where, generation: { not: null } }, ...newest }));
    if (!current) continue;
    const { release } = await requestRelease({ ctx, app, environment, spec: current.spec as ReleaseSpec, reason });
    first ??= release;
  }
  return first;
}
