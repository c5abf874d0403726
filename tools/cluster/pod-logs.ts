/**
 * Log lines for the simulated pods. kwok's fake kubelet serves
 * /containerLogs/{namespace}/{pod}/{container} (what `kubectl logs` and Slipway's log
 * stream reach through the API server) from a file named by a ClusterLogs or Logs rule,
 * read with the kubelet's own CRI log reader (k8s.io/cri-client/pkg/logs): lines in the
 * CRI format (`<RFC 3339 time> stdout F <text>`), tailLines/sinceSeconds/timestamps
 * honoured, and `follow` waits on the file with fsnotify, so appended lines reach a
 * follower as they are written. A rule selects pods by name and namespace only (no
 * labels) and points at one file, so every simulated pod of every app shows the same
 * lines: ours has no selector and names one file, which this writer appends to while
 * the control plane runs, and starts again (rename, then a new file, which the reader
 * follows) once it passes MAX_BYTES so a long-running demo does not fill the disk.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { stringify } from "yaml";

const MAX_BYTES = 1024 * 1024;
/** Lines already in the file when the control plane starts, so a tail is never empty. */
const BACKLOG = 20;

const PATHS = ["/", "/healthz", "/api/orders", "/api/orders/42", "/api/payments", "/metrics"];
const METHODS = ["GET", "GET", "GET", "POST", "PUT"];

/** One made-up request log line; `n` picks it, so a run is reproducible. */
export function demoLogLine(n: number): string {
  if (n % 17 === 0) return `level=warn msg="slow upstream" upstream=db durationMs=${200 + (n % 300)} request=${n}`;
  const method = METHODS[n % METHODS.length];
  const route = PATHS[(n * 7) % PATHS.length];
  const status = n % 23 === 0 ? 500 : method === "POST" ? 201 : 200;
  return `level=info msg="${method} ${route}" status=${status} durationMs=${(n * 13) % 97} request=${n}`;
}

const criLine = (time: Date, text: string) => `${time.toISOString()} stdout F ${text}\n`;

/** kwok's ClusterLogs rule: every container of every pod reads `file`. */
export function clusterLogsConfig(file: string): string {
  return stringify({
    apiVersion: "kwok.x-k8s.io/v1alpha1",
    kind: "ClusterLogs",
    metadata: { name: "slipway-demo-logs" },
    spec: { logs: [{ logsFile: file, follow: true }] },
  });
}

/** Appends a line every `intervalMs` until stopped. Starts the file afresh on each start-up. */
export function startPodLogWriter(file: string, options: { intervalMs?: number } = {}): { stop(): void } {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const now = Date.now();
  let n = 1;
  let backlog = "";
  for (; n <= BACKLOG; n++) backlog += criLine(new Date(now - (BACKLOG - n + 1) * 1000), demoLogLine(n));
  fs.writeFileSync(file, backlog);
  let size = backlog.length;
  const timer = setInterval(() => {
    try {
      if (size > MAX_BYTES) {
        fs.renameSync(file, `${file}.1`);
        size = 0;
      }
      const line = criLine(new Date(), demoLogLine(n++));
      fs.appendFileSync(file, line);
      size += line.length;
    } catch {
      // The directory went away (the cluster is being removed); stop quietly.
      clearInterval(timer);
    }
  }, options.intervalMs ?? 1000);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
