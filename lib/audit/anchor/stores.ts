/**
 * Where anchors are kept, outside the database: a ConfigMap in Slipway's own namespace
 * (the default in a cluster; Slipway's ServiceAccount may read and write only that one,
 * deploy/namespace.yaml), or an append-only file (the default elsewhere, e.g. the demo).
 * Pluggable: anything with read and append. The ConfigMap keeps the newest anchors
 * (a ConfigMap holds at most 1 MiB); any one of them catches a rewrite before it.
 */
import { appendFile, mkdir, readFile } from "node:fs/promises";
import path from "node:path";
import { existsSync, readFileSync } from "node:fs";
import { env } from "@/lib/env";
import { platformCluster } from "@/lib/platform-cluster";
import { hasClusterStatus, type PlatformClient } from "@/lib/k8s";
import type { Anchor } from "./anchor";

export type AnchorStore = { describe: string; read(): Promise<Anchor[]>; append(anchor: Anchor): Promise<void> };

const CONFIGMAP_NAME = "slipway-audit-anchors";
const CONFIGMAP_KEY = "anchors.json";
const CONFIGMAP_KEEP = 2000;

export function fileAnchorStore(file: string): AnchorStore {
  return {
    describe: `file ${file}`,
    async read() {
      const text = await readFile(file, "utf8").catch((e: NodeJS.ErrnoException) => (e.code === "ENOENT" ? "" : Promise.reject(e)));
      return text
        .split("\n")
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Anchor);
    },
    async append(anchor) {
      await mkdir(path.dirname(file), { recursive: true });
      await appendFile(file, `${JSON.stringify(anchor)}\n`, { mode: 0o600 });
    },
  };
}

export function configMapAnchorStore(cluster: PlatformClient, namespace: string): AnchorStore {
  const where = { name: CONFIGMAP_NAME, namespace };
  const readMap = () =>
    cluster
      .call({ verb: "get", kind: "ConfigMap", ...where }, () => cluster.core.readNamespacedConfigMap(where))
      .catch((e: unknown) => (hasClusterStatus(e, 404) ? null : Promise.reject(e)));
  const parse = (data: string | undefined): Anchor[] => (data ? (JSON.parse(data) as Anchor[]) : []);
  return {
    describe: `ConfigMap ${namespace}/${CONFIGMAP_NAME}`,
    async read() {
      return parse((await readMap())?.data?.[CONFIGMAP_KEY]);
    },
    async append(anchor) {
      const current = await readMap();
      const anchors = [...parse(current?.data?.[CONFIGMAP_KEY]), anchor].slice(-CONFIGMAP_KEEP);
      const body = {
        apiVersion: "v1",
        kind: "ConfigMap",
        metadata: { ...where, labels: { "app.kubernetes.io/name": "slipway" }, resourceVersion: current?.metadata?.resourceVersion },
        data: { [CONFIGMAP_KEY]: JSON.stringify(anchors) },
      };
      // resourceVersion: a concurrent writer (a leader change) makes this fail, not overwrite.
      if (current) {
        await cluster.call({ verb: "update", kind: "ConfigMap", ...where }, () =>
          cluster.core.replaceNamespacedConfigMap({ ...where, body }),
        );
      } else {
        await cluster.call({ verb: "create", kind: "ConfigMap", ...where }, () =>
          cluster.core.createNamespacedConfigMap({ namespace, body }),
        );
      }
    },
  };
}

function slipwayNamespace(): string {
  if (env.SLIPWAY_NAMESPACE) return env.SLIPWAY_NAMESPACE;
  const inCluster = "/var/run/secrets/kubernetes.io/serviceaccount/namespace";
  return existsSync(inCluster) ? readFileSync(inCluster, "utf8").trim() : "slipway";
}

/** The configured store, or null when anchoring is off (or needs a cluster there is none of). */
export function configuredAnchorStore(): AnchorStore | null {
  const kind = env.SLIPWAY_AUDIT_ANCHOR_STORE ?? (process.env.KUBERNETES_SERVICE_HOST ? "configmap" : "file");
  if (kind === "none") return null;
  if (kind === "file") return fileAnchorStore(env.SLIPWAY_AUDIT_ANCHOR_FILE ?? path.resolve(env.DATA_DIR, "audit-anchors.jsonl"));
  const cluster = platformCluster();
  return cluster ? configMapAnchorStore(cluster, slipwayNamespace()) : null;
}
