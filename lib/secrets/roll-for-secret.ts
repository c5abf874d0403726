import { db } from "@/lib/db";
import type { AnyTeamContext, TeamContext } from "@/lib/authz/team-context";
import type { ReleaseSpec } from "@/lib/apps/release-spec";
import { requestRelease } from "@/lib/deploys/request-release";
import { environmentOf, releasesIn, type TeamEnvironment } from "@/lib/environments/team-environments";

/**
 * The environment a secret call names (default: the team's first): its values live in
 * that environment's namespace only. A team made without an environment row gets its
 * default one saved here, as the migration gives every team, since a secret is kept per environment.
 */
export async function secretEnvironmentOf(ctx: AnyTeamContext, name: string | undefined): Promise<TeamEnvironment & { id: string }> {
  const environment = await environmentOf(ctx, name);
  if (environment.id !== null) return { ...environment, id: environment.id };
  const saved = await db().environment.upsert({
    where: { teamId_name: { teamId: ctx.team.id, name: environment.name } },
    create: { teamId: ctx.team.id, name: environment.name, namespace: environment.namespace, clusterId: null },
    update: {},
    select: { id: true },
  });
  return { ...environment, id: saved.id };
}

/**
 * A changed secret reaches the pods as a new release through the usual deploy path, in
 * the environment it changed in: the spec of the release that is going out or running
 * there (the newest one that did not fail, else the newest that reached the cluster),
 * with the secret versions of now, whose hash in the pod template replaces every pod.
 * An environment the app was never deployed to is left alone (null).
 */
export async function rollForSecret(
  ctx: TeamContext<"app.deploy">,
  app: { id: string; name: string },
  environment: TeamEnvironment,
  reason: string,
) {
  const newest = { orderBy: { sequence: "desc" as const } };
  const where = { appId: app.id, ...releasesIn(environment) };
  const current =
    (await db().release.findFirst({ where: { ...where, status: { not: "FAILED" } }, ...newest })) ??
    (await db().release.findFirst({ where: { ...where, generation: { not: null } }, ...newest }));
  if (!current) return null;
  const { release } = await requestRelease({ ctx, app, environment, spec: current.spec as ReleaseSpec, reason });
  return release;
}
