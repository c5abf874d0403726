/**
 * The platform client FOR a cluster, with Slipway's own ("platform") credential there.
 * The built-in "default" cluster (id null) is today's configured one: SLIPWAY_KUBECONFIG
 * when set; else the in-cluster ServiceAccount; else the local control plane of
 * `npm run cluster -- up` (DATA_DIR/cluster/platform.kubeconfig) when it exists; none
 * otherwise (teams are then created without a namespace). Registered clusters (the
 * Cluster table) carry their server, CA and an encrypted token. Clients are cached per
 * cluster, so their kept-alive connections and token caches are shared.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { openSecret } from "@/lib/crypto/secret-box";
import { loadPlatformClient, platformClientForServer, type PlatformClient } from "@/lib/k8s";

const holder = globalThis as unknown as { slipwayPlatformCluster?: PlatformClient; slipwayClusters?: Map<string, Promise<PlatformClient>> };

export function localClusterKubeconfig(): string {
  return path.resolve(env.DATA_DIR, "cluster", "platform.kubeconfig");
}

/** The built-in default cluster. */
export function platformCluster(): PlatformClient | null {
  if (holder.slipwayPlatformCluster) return holder.slipwayPlatformCluster;
  // "None" is not remembered: a local cluster started later is picked up.
  const kubeconfig = env.SLIPWAY_KUBECONFIG ?? (existsSync(localClusterKubeconfig()) ? localClusterKubeconfig() : undefined);
  if (!kubeconfig && !process.env.KUBERNETES_SERVICE_HOST) return null;
  holder.slipwayPlatformCluster = loadPlatformClient({ kubeconfig });
  return holder.slipwayPlatformCluster;
}

export function requireCluster(): PlatformClient {
  const cluster = platformCluster();
  if (!cluster)
    throw new AppError("UNAVAILABLE", "No Kubernetes cluster is configured (set SLIPWAY_KUBECONFIG, or run `npm run cluster -- up`).");
  return cluster;
}

/** The platform client for a registered cluster (by id), or the default one for null; null when the default has none. */
export async function platformClusterFor(clusterId: string | null): Promise<PlatformClient | null> {
  if (clusterId === null) return platformCluster();
  const cache = (holder.slipwayClusters ??= new Map());
  let client = cache.get(clusterId);
  if (!client) {
    client = loadRegisteredCluster(clusterId);
    cache.set(clusterId, client);
    client.catch(() => cache.delete(clusterId));
  }
  return client;
}

export async function requireClusterFor(clusterId: string | null): Promise<PlatformClient> {
  return clusterId === null ? requireCluster() : (await platformClusterFor(clusterId))!;
}

/** Drops a cached client (after a cluster's credential changed or it was removed). */
export function forgetCluster(clusterId: string): void {
  holder.slipwayClusters?.delete(clusterId);
}

async function loadRegisteredCluster(clusterId: string): Promise<PlatformClient> {
  const row = await db().cluster.findUnique({ where: { id: clusterId } });
  if (!row) throw new AppError("NOT_FOUND", "The environment's cluster is no longer registered.");
  return platformClientForServer({ name: row.name, server: row.server, caData: row.caData, token: openSecret(row.credentialCiphertext) });
}
