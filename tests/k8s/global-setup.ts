/**
 * One local control plane for the whole k8s suite: built or reused binaries, a
 * fresh working directory, connection details handed to tests with provide/inject.
 */
import { randomBytes } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { TestProject } from "vitest/node";
import { buildBinaries } from "@/tools/cluster/binaries";
import { startCluster } from "@/tools/cluster/start-cluster";
import { freePort } from "@/tools/cluster/wait";

export type ClusterInfo = {
  server: string;
  caFile: string;
  adminKubeconfig: string;
  platformKubeconfig: string;
  binDir: string;
  dir: string;
  /** The API server posts its audit events to http://127.0.0.1:<port>/ with this token; a test listens there. */
  auditWebhook: { port: number; token: string };
};

declare module "vitest" {
  export interface ProvidedContext {
    cluster: ClusterInfo;
  }
}

export default async function setup(project: TestProject) {
  const binDir = await buildBinaries();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "slipway-k8s-"));
  const started = Date.now();
  const auditWebhook = { port: await freePort(), token: randomBytes(24).toString("hex") };
  const cluster = await startCluster({
    dir,
    binDir,
    log: (m) => process.stderr.write(`[cluster] ${m}\n`),
    auditWebhook: { url: `http://127.0.0.1:${auditWebhook.port}/`, token: auditWebhook.token },
  });
  process.stderr.write(`[cluster] up in ${((Date.now() - started) / 1000).toFixed(1)}s (${dir})\n`);
  project.provide("cluster", {
    server: cluster.server,
    caFile: cluster.caFile,
    adminKubeconfig: cluster.adminKubeconfig,
    platformKubeconfig: cluster.platformKubeconfig,
    binDir,
    dir,
    auditWebhook,
  });
  return async () => {
    await cluster.stop();
    // SLIPWAY_KEEP_CLUSTER=1 keeps the logs and data for a look afterwards.
    if (!process.env.SLIPWAY_KEEP_CLUSTER) fs.rmSync(dir, { recursive: true, force: true });
  };
}
