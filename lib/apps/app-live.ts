/**
 * What runs for an app against what should: live health and drift, read from the
 * namespace's shared cache (lib/k8s/namespace-cache.ts), never from the API server per
 * view. The expected state is the latest successful release's spec (or the release
 * being rolled out, while one is), with the replica
 * count of a Slipway scale made since (scaling is not a release); who changed it comes
 * from the kubectl writes in the audit log since that release.
 */
import { db } from "@/lib/db";
import type { AnyTeamContext } from "@/lib/authz/team-context";
import { platformCluster } from "@/lib/platform-cluster";
import { onShutdown } from "@/lib/engine/shutdown";
import { appDrift, appHealth, closeNamespaceCaches, namespaceCache, type LiveObjects } from "@/lib/k8s";
import type { ReleaseSpec } from "./release-spec";
import type { AppLive } from "./app-live.types";

let stopsOnShutdown = false;

/** The namespace's cache, or null without a cluster. Caches stop when the process does. */
export function liveCache(ctx: AnyTeamContext) {
  const cluster = platformCluster();
  if (!cluster) return null;
  if (!stopsOnShutdown) {
    stopsOnShutdown = true;
    onShutdown(closeNamespaceCaches);
  }
  return namespaceCache(cluster, ctx.team.namespace);
}

export async function readAppLive(ctx: AnyTeamContext, app: { id: string; name: string }): Promise<AppLive> {
  const select = { sequence: true, image: true, spec: true, createdAt: true } as const;
  const current =
    (await db().release.findFirst({
      where: { appId: app.id, status: { in: ["APPLYING", "ROLLING_OUT"] } },
      orderBy: { sequence: "desc" },
      select,
    })) ?? (await db().release.findFirst({ where: { appId: app.id, status: "SUCCEEDED" }, orderBy: { sequence: "desc" }, select }));
  const cache = liveCache(ctx);
  if (!cache) {
    return {
      health: null,
      release: null,
      drift: { state: "unknown", changes: [], changedBy: [] },
      error: "No Kubernetes cluster is configured.",
    };
  }
  const { objects, error } = await cache.read();
  const named = (kind: "deployments" | "services" | "ingresses") => objects(kind).find((o) => o.metadata?.name === app.name);
  const live = { deployment: named("deployments"), service: named("services"), ingress: named("ingresses") } as LiveObjects;
  const health = error ? null : appHealth(live.deployment as Parameters<typeof appHealth>[0]);
  if (!current) {
    return {
      health: live.deployment ? health : null,
      release: null,
      drift: { state: "unknown", changes: [], changedBy: [] },
      ...(error ? { error } : {}),
    };
  }
  const since = current.createdAt;
  const [scaled, writes] = await Promise.all([
    db().auditEvent.findFirst({
      where: { teamId: ctx.team.id, action: "app.scale", createdAt: { gte: since }, data: { path: ["app"], equals: app.name } },
      orderBy: { id: "desc" },
      select: { data: true },
    }),
    db().auditEvent.findMany({
      where: { teamId: ctx.team.id, action: "kubectl.write", createdAt: { gte: since }, data: { path: ["app"], equals: app.name } },
      orderBy: { id: "desc" },
      take: 5,
      select: { actorEmail: true, createdAt: true, data: true },
    }),
  ]);
  const spec = current.spec as ReleaseSpec;
  const scaledTo =
    scaled && (scaled.data as { result?: string; to?: number }).result === "ok" ? (scaled.data as { to: number }).to : undefined;
  const expected = { ...spec, team: ctx.team.slug, namespace: ctx.team.namespace, name: app.name, replicas: scaledTo ?? spec.replicas };
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
