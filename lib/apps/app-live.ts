/**
 * What runs for an app against what should: live health and drift, read from the
 * namespace's shared cache (lib/k8s/namespace-cache.ts), never from the API server per
 * view. The expected state is the latest successful release's spec (or the release
 * being rolled out, while one is), with the replica
 * count of a Slipway scale made since (scaling is not a release); who changed it comes
 * from the kubectl writes in the audit log since that release.
 *
 * Batched: for any number of apps, one cache read per namespace and three queries
 * (lib/apps/app-live-history.ts); one app is a batch of one.
 */
import type { AnyTeamContext, TeamRef } from "@/lib/authz/team-context";
import { platformCluster } from "@/lib/platform-cluster";
import { onShutdown } from "@/lib/engine/shutdown";
import { appDrift, appHealth, closeNamespaceCaches, namespaceCache, type LiveObjects, type RawObject } from "@/lib/k8s";
import { auditEventsSince, currentReleases, type AuditWindow, type CurrentRelease, type KubectlWrite } from "./app-live-history";
import type { ReleaseSpec } from "./release-spec";
import type { AppLive } from "./app-live.types";

let stopsOnShutdown = false;

/**
 * The namespace's cache, or null without a cluster. Caches stop when the process does.
 * It holds what the platform's viewer token reads: serve it only to a caller authorized for the team.
 */
export function namespaceLiveCache(namespace: string) {
  const cluster = platformCluster();
  if (!cluster) return null;
  if (!stopsOnShutdown) {
    stopsOnShutdown = true;
    onShutdown(closeNamespaceCaches);
  }
  return namespaceCache(cluster, namespace);
}

/** The team's namespace cache, or null without a cluster. */
export function liveCache(ctx: AnyTeamContext) {
  return namespaceLiveCache(ctx.team.namespace);
}

type LiveApp = { id: string; name: string };
type TeamApp = LiveApp & { team: Pick<TeamRef, "id" | "slug" | "namespace"> };
type Namespace = { objects: (kind: "deployments" | "services" | "ingresses") => RawObject[]; error?: string };

const NO_CLUSTER = "No Kubernetes cluster is configured.";
const unknownDrift = () => ({ state: "unknown" as const, changes: [], changedBy: [] });

export async function readAppLive(ctx: AnyTeamContext, app: LiveApp): Promise<AppLive> {
  return (await readAppsLive(ctx, [app])).get(app.id)!;
}

/** Each of the team's `apps` live, by app id. */
export function readAppsLive(ctx: AnyTeamContext, apps: LiveApp[]): Promise<Map<string, AppLive>> {
  return unsafeReadAppsLive(apps.map((app) => ({ ...app, team: ctx.team })));
}

/**
 * Each app live, by app id, across any teams: no access check (the caller has
 * checked that its actor may read every one of these teams' apps).
 */
export async function unsafeReadAppsLive(apps: TeamApp[]): Promise<Map<string, AppLive>> {
  const result = new Map<string, AppLive>();
  if (!platformCluster()) {
    for (const app of apps) result.set(app.id, { health: null, release: null, drift: unknownDrift(), error: NO_CLUSTER });
    return result;
  }
  if (apps.length === 0) return result;
  const namespaces = [...new Set(apps.map((app) => app.team.namespace))];
  const [current, reads] = await Promise.all([
    currentReleases(apps.map((app) => app.id)),
    Promise.all(namespaces.map(async (namespace) => [namespace, (await namespaceLiveCache(namespace)!.read()) as Namespace] as const)),
  ]);
  const cacheOf = new Map(reads);
  const windows: AuditWindow[] = apps.flatMap((app) => {
    const release = current.get(app.id);
    return release ? [{ key: app.id, teamId: app.team.id, app: app.name, since: release.createdAt }] : [];
  });
  const [scales, writes] = await Promise.all([auditEventsSince("app.scale", windows, 1), auditEventsSince("kubectl.write", windows, 5)]);
  for (const app of apps) {
    result.set(
      app.id,
      liveOf(app, cacheOf.get(app.team.namespace)!, current.get(app.id), scales.get(app.id)?.[0], writes.get(app.id) ?? []),
    );
  }
  return result;
}

function liveOf(
  app: TeamApp,
  { objects, error }: Namespace,
  current: CurrentRelease | undefined,
  scaled: KubectlWrite | undefined,
  writes: KubectlWrite[],
): AppLive {
  const named = (kind: "deployments" | "services" | "ingresses") => objects(kind).find((o) => o.metadata?.name === app.name);
  const live = { deployment: named("deployments"), service: named("services"), ingress: named("ingresses") } as LiveObjects;
  const health = error ? null : appHealth(live.deployment as Parameters<typeof appHealth>[0]);
  if (!current) {
    return { health: live.deployment ? health : null, release: null, drift: unknownDrift(), ...(error ? { error } : {}) };
  }
  const spec = current.spec as ReleaseSpec;
  const scale = scaled?.data as { result?: string; to?: number } | undefined;
  const scaledTo = scale?.result === "ok" ? scale.to : undefined;
  const expected = { ...spec, team: app.team.slug, namespace: app.team.namespace, name: app.name, replicas: scaledTo ?? spec.replicas };
  const changes = error ? [] : appDrift(expected, live);
  return {
    health,
    release: { sequence: current.sequence, image: current.image },
    drift: {
      state: error ? "unknown" : changes.length > 0 ? "drifted" : "in-sync",
      changes,
      changedBy: writes.map((w) => {
        const data = w.data as { verb: string; resource: string; name?: string };
        return { email: w.actorEmail, at: w.createdAt, verb: data.verb, resource: data.resource, name: data.name ?? null };
      }),
    },
    ...(error ? { error } : {}),
  };
}
