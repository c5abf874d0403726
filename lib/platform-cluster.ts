/**
 * Which cluster Slipway provisions teams in, with its own ("platform") credential:
 * SLIPWAY_KUBECONFIG when set; else the in-cluster ServiceAccount; else the local
 * control plane of `npm run cluster -- up` (DATA_DIR/cluster/platform.kubeconfig)
 * when it exists. Null when there is none: teams are then created without a namespace.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { loadPlatformClient, type PlatformClient } from "@/lib/k8s";

const holder = globalThis as unknown as { slipwayPlatformCluster?: PlatformClient };

export function localClusterKubeconfig(): string {
  return path.resolve(env.DATA_DIR, "cluster", "platform.kubeconfig");
}

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
