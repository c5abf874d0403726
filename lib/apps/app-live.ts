/**
 * What runs for an app against what should: live health and drift, read from the
 * namespace's shared cache (lib/k8s/namespace-cache.ts), never from the API server per
 * view. The expected state is the latest successful release's spec in that environment
 * (or the release being rolled out, while one is), with the replica
 * count of a Slipway scale made since (scaling is not a release); who changed it comes
 * from the kubectl writes in the audit log since that release.
 *
 * Batched: for any number of apps and environments, one cache read per namespace and
 * one query (lib/apps/app-live-history.ts); one app is a batch of one. Without an
 * environment, an app is read in its team's default environment.
 */
import { cache } from "react";
import type { AnyTeamContext, TeamRef } from "@/lib/authz/team-context";
import { platformClusterFor } from "@/lib/platform-cluster";
import { onShutdown } from "@/lib/engine/shutdown";
import { appDrift, appHealth, closeNamespaceCaches, namespaceCache, type LiveObjects, type RawObject } from "@/lib/k8s";
import { defaultEnvironments, environmentOf, type TeamEnvironment } from "@/lib/environments/team-environments";
import { liveHistory, type LiveHistory } from "./app-live-history";
import type { ReleaseSpec } from "./release-spec";
import type { AppLive } from "./app-live.types";

let stopsOnShutdown = false;

/**
 * The namespace's cache on the environment's cluster, or null without one. Caches stop when the process does.
 * It holds what the platform's viewer token reads: serve it only to a caller authorized for the team.
 */
export async function namespaceLiveCache(environment: Pick<TeamEnvironment, "clusterId" | "namespace">) {
  const cluster = await platformClusterFor(environment.clusterId);
  if (!cluster) return null;
  if (!stopsOnShutdown) {
    stopsOnShutdown = true;
    onShutdown(closeNamespaceCaches);
  }
  return namespaceCache(cluster, environment.namespace);
}

/** The environment's namespace cache (the team's default environment when none is named), or null without a cluster. */
export async function liveCache(ctx: AnyTeamContext, environment?: TeamEnvironment) {
  return namespaceLiveCache(environment ?? (await environmentOf(ctx, undefined)));
}

type LiveApp = { id: string; name: string };
type TeamApp = LiveApp & { team: Pick<TeamRef, "id" | "slug" | "namespace"> };
type LiveTarget = { key: string; app: LiveApp; team: Pick<TeamRef, "id" | "slug">; environment: TeamEnvironment };
type Namespace = { objects: (kind: "deployments" | "services" | "ingresses") => RawObject[]; error?: string };

const NO_CLUSTER = "No Kubernetes cluster is configured.";
const unknownDrift = () => ({ state: "unknown" as const, changes: [], changedBy: [] });

export async function readAppLive(ctx: AnyTeamContext, app: LiveApp, environment?: TeamEnvironment): Promise<AppLive> {
  const target = { key: app.id, app, team: ctx.team, environment: environment ?? (await environmentOf(ctx, undefined)) };
  return (await readLive([target])).get(app.id)!;
}

/** Each of the team's `apps` live in its default environment, by app id. */
export async function readAppsLive(ctx: AnyTeamContext, apps: LiveApp[]): Promise<Map<string, AppLive>> {
  if (apps.length === 0) return new Map();
  // The team's environments, read once per page render (the team page lists them too).
  const environment = await environmentOf(ctx, undefined);
  return readLive(apps.map((app) => ({ key: app.id, app, team: ctx.team, environment })));
}

/** One app in each of `environments`, by environment name. */
export async function readAppLiveByEnvironment(ctx: AnyTeamContext, app: LiveApp, environments: TeamEnvironment[]) {
  return readLive(environments.map((environment) => ({ key: environment.name, app, team: ctx.team, environment })));
}

/**
 * Each app live in its team's default environment, by app id, across any teams: no
 * access check (the caller has checked that its actor may read every one of these teams' apps).
 */
export async function unsafeReadAppsLive(apps: TeamApp[]): Promise<Map<string, AppLive>> {
  if (apps.length === 0) return new Map();
  const defaults = await defaultEnvironments(apps.map((app) => app.team));
  return readLive(apps.map((app) => ({ key: app.id, app, team: app.team, environment: defaults.get(app.team.id)! })));
}

/**
 * What has been read in this page render, by app and place: the app page shows the app in
 * every environment and, in its status panel, in the one shown. React's `cache`, as
 * findApp: outside a server render every call is a new Map, so API requests read afresh.
 */
const readThisRender = cache(() => new Map<string, Promise<AppLive>>());

async function readLive(targets: LiveTarget[]): Promise<Map<string, AppLive>> {
  const known = readThisRender();
  const keyOf = ({ app, environment }: LiveTarget) =>
    `${app.id} ${environment.id ?? ""} ${environment.clusterId ?? ""} ${environment.namespace}`;
  const missing = targets.filter((target) => !known.has(keyOf(target)));
  if (missing.length > 0) {
    const batch = readLiveBatch(missing);
    for (const target of missing)
      known.set(
        keyOf(target),
        batch.then((read) => read.get(target.key)!),
      );
  }
  return new Map(await Promise.all(targets.map(async (target) => [target.key, await known.get(keyOf(target))!] as const)));
}

async function readLiveBatch(targets: LiveTarget[]): Promise<Map<string, AppLive>> {
  const result = new Map<string, AppLive>();
  if (targets.length === 0) return result;
  const placeOf = (environment: TeamEnvironment) => `${environment.clusterId ?? ""} ${environment.namespace}`;
  const places = new Map(targets.map((target) => [placeOf(target.environment), target.environment]));
  const [history, reads] = await Promise.all([
    liveHistory(
      targets.map(({ key, app, team, environment }) => ({
        key,
        appId: app.id,
        environmentId: environment.id,
        isDefault: environment.isDefault,
        teamId: team.id,
        app: app.name,
        environment: environment.name,
        namespace: environment.namespace,
      })),
    ),
    Promise.all(
      [...places].map(async ([place, environment]) => {
        const cache = await namespaceLiveCache(environment).catch(() => null);
        return [place, cache ? ((await cache.read()) as Namespace) : null] as const;
      }),
    ),
  ]);
  const cacheOf = new Map(reads.map(([place, read]) => [place, read && byName(read)] as const));
  for (const target of targets) {
    const namespace = cacheOf.get(placeOf(target.environment));
    if (!namespace) {
      result.set(target.key, { health: null, release: null, drift: unknownDrift(), error: NO_CLUSTER });
      continue;
    }
    result.set(target.key, liveOf(target, namespace, history.get(target.key)));
  }
  return result;
}

type LiveKind = "deployments" | "services" | "ingresses";
type NamespaceByName = { named: (kind: LiveKind, name: string) => RawObject | undefined; error?: string };

/** The namespace's objects by name, each kind indexed once when first asked: a page of 100 apps in a namespace of 500 Deployments is 100 lookups, not 100 scans. */
function byName({ objects, error }: Namespace): NamespaceByName {
  const indexes = new Map<LiveKind, Map<string, RawObject>>();
  const index = (kind: LiveKind) => {
    let found = indexes.get(kind);
    if (!found) {
      found = new Map(objects(kind).map((object) => [object.metadata?.name ?? "", object]));
      indexes.set(kind, found);
    }
    return found;
  };
  return { named: (kind, name) => index(kind).get(name), ...(error ? { error } : {}) };
}

function liveOf({ app, team, environment }: LiveTarget, { named, error }: NamespaceByName, history: LiveHistory | undefined): AppLive {
  const live = {
    deployment: named("deployments", app.name),
    service: named("services", app.name),
    ingress: named("ingresses", app.name),
  } as LiveObjects;
  const health = error ? null : appHealth(live.deployment as Parameters<typeof appHealth>[0]);
  if (!history) {
    return { health: live.deployment ? health : null, release: null, drift: unknownDrift(), ...(error ? { error } : {}) };
  }
  const { release: current, scaled, writes } = history;
  const spec = current.spec as ReleaseSpec;
  const scale = scaled?.data as { result?: string; to?: number } | undefined;
  const scaledTo = scale?.result === "ok" ? scale.to : undefined;
  const expected = { ...spec, team: team.slug, namespace: environment.namespace, name: app.name, replicas: scaledTo ?? spec.replicas };
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
