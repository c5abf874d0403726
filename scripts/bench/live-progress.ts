/**
 * (d) Live progress: how long after the API server says a Deployment is available does
 * the browser's event stream say SUCCEEDED. The bench watches the Deployment itself
 * (cluster-admin, its own watch) and reads the release's server-sent events as a
 * browser does; both clocks are this process's.
 */
import * as fs from "node:fs";
import * as https from "node:https";
import * as http from "node:http";
import { LABELS } from "@/lib/k8s";
import { percentile, request } from "./http";
import { bearer } from "./setup";

type Deployment = {
  metadata?: { generation?: number };
  spec?: { replicas?: number; template?: { metadata?: { labels?: Record<string, string> } } };
  status?: { observedGeneration?: number; replicas?: number; updatedReplicas?: number; availableReplicas?: number };
};

export type ClusterAccess = { server: string; caFile: string; adminToken: string };

/** Resolves with performance.now() at the first watch event showing `releaseId`'s template fully rolled out and available. */
function watchUntilAvailable(cluster: ClusterAccess, namespace: string, name: string, releaseId: string, timeoutMs: number) {
  let stop = () => {};
  const opened = new Promise<void>((resolveOpened) => {
    stop = () => {};
    const url = new URL(`/apis/apps/v1/namespaces/${namespace}/deployments?watch=1&fieldSelector=metadata.name%3D${name}`, cluster.server);
    const req = https.get(
      url,
      { ca: fs.readFileSync(cluster.caFile), headers: { authorization: `Bearer ${cluster.adminToken}` } },
      (res) => {
        resolveOpened();
        let buffer = "";
        res.on("data", (chunk: Buffer) => {
          const at = performance.now();
          buffer += chunk.toString("utf8");
          for (let nl = buffer.indexOf("\n"); nl >= 0; nl = buffer.indexOf("\n")) {
            const line = buffer.slice(0, nl);
            buffer = buffer.slice(nl + 1);
            if (!line.trim()) continue;
            const d = (JSON.parse(line) as { object?: Deployment }).object ?? {};
            const desired = d.spec?.replicas ?? 1;
            const done =
              d.spec?.template?.metadata?.labels?.[LABELS.release] === releaseId &&
              (d.status?.observedGeneration ?? 0) >= (d.metadata?.generation ?? 1) &&
              d.status?.updatedReplicas === desired &&
              d.status?.replicas === desired &&
              d.status?.availableReplicas === desired;
            if (done) {
              req.destroy();
              resolveAvailable(at);
            }
          }
        });
      },
    );
    req.on("error", () => {});
    stop = () => req.destroy();
  });
  let resolveAvailable: (at: number) => void = () => {};
  const available = new Promise<number>((resolve, reject) => {
    resolveAvailable = resolve;
    setTimeout(() => {
      stop();
      reject(new Error(`${namespace}/${name} not available within ${timeoutMs} ms`));
    }, timeoutMs).unref();
  });
  return { opened, available };
}

/** Resolves with performance.now() when the stream says SUCCEEDED (or FAILED). */
function streamUntilTerminal(base: string, path: string, token: string, timeoutMs: number) {
  return new Promise<{ at: number; status: string }>((resolve, reject) => {
    const req = http.get(new URL(path, base), { headers: { ...bearer(token), accept: "text/event-stream" } }, (res) => {
      let buffer = "";
      res.on("data", (chunk: Buffer) => {
        const at = performance.now();
        buffer += chunk.toString("utf8");
        for (let end = buffer.indexOf("\n\n"); end >= 0; end = buffer.indexOf("\n\n")) {
          const event = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = event.split("\n").find((line) => line.startsWith("data: "));
          if (!data) continue;
          const status = (JSON.parse(data.slice(6)) as { status?: string }).status;
          if (status === "SUCCEEDED" || status === "FAILED") {
            req.destroy();
            resolve({ at, status });
          }
        }
      });
    });
    req.on("error", reject);
    setTimeout(() => {
      req.destroy();
      reject(new Error(`no terminal event on ${path} within ${timeoutMs} ms`));
    }, timeoutMs).unref();
  });
}

export async function measureLiveProgress(options: {
  base: string;
  token: string;
  team: string;
  apps: string[];
  cluster: ClusterAccess;
  rounds: number;
}): Promise<{ delays: number[]; p50: number; p95: number; max: number; failures: string[] }> {
  const delays: number[] = [];
  const failures: string[] = [];
  for (let round = 0; round < options.rounds; round++) {
    const app = options.apps[round % options.apps.length]!;
    const reply = await request(options.base, "POST", `/api/v1/teams/${options.team}/apps/${app}/deploys`, {
      headers: bearer(options.token),
      body: { version: `live-${round}-${Date.now()}` },
    });
    if (reply.status !== 202) {
      failures.push(`${reply.status} ${reply.body.slice(0, 200)}`);
      continue;
    }
    const { release } = JSON.parse(reply.body) as { release: { id: string; sequence: number } };
    // Subscribed at once after the 202, as the app page does; the rollout takes a few seconds more.
    const watch = watchUntilAvailable(options.cluster, `team-${options.team}`, app, release.id, 60_000);
    const stream = streamUntilTerminal(
      options.base,
      `/api/v1/teams/${options.team}/apps/${app}/releases/${release.sequence}/events`,
      options.token,
      60_000,
    );
    try {
      await watch.opened;
      const [availableAt, event] = await Promise.all([watch.available, stream]);
      if (event.status !== "SUCCEEDED") failures.push(`release ${release.sequence} ${event.status}`);
      else delays.push(event.at - availableAt);
    } catch (error) {
      failures.push(String(error));
    }
  }
  return { delays, p50: percentile(delays, 50), p95: percentile(delays, 95), max: Math.max(...delays), failures };
}
