/** Small helpers for starting the control plane: free ports, a plain GET, and waiting with a deadline. */
import * as http from "node:http";
import * as https from "node:https";
import * as net from "node:net";
import { describeExit, type Managed } from "./processes";

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

type HttpAnswer = { status: number; body: string };

/** One GET with a short timeout; network errors become status 0. */
export function get(url: string, options: https.RequestOptions = {}): Promise<HttpAnswer> {
  const client = url.startsWith("https:") ? https : http;
  return new Promise((resolve) => {
    const request = client.get(url, { ...options, timeout: 3000 }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (body += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
      response.on("error", () => resolve({ status: 0, body: "" }));
    });
    request.on("timeout", () => request.destroy(new Error("timeout")));
    request.on("error", (error) => resolve({ status: 0, body: error.message }));
  });
}

/**
 * Polls `check` until it returns true. Fails early, with the log, if one of the
 * processes died; fails with `what` and the last answer when time runs out.
 */
export async function waitFor(
  what: string,
  check: () => Promise<boolean | string>,
  options: { timeoutMs: number; processes: Managed[]; intervalMs?: number },
): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  let last = "";
  for (;;) {
    const dead = options.processes.find((p) => p.exit);
    if (dead) throw new Error(`Waiting for ${what}: ${describeExit(dead)}`);
    const result = await check();
    if (result === true) return;
    if (typeof result === "string") last = result;
    if (Date.now() > deadline) {
      const logs = options.processes.map((p) => `${p.name}: ${p.logFile}`).join(", ");
      throw new Error(`Timed out after ${options.timeoutMs / 1000}s waiting for ${what}${last ? ` (last: ${last})` : ""}. Logs: ${logs}`);
    }
    await new Promise((r) => setTimeout(r, options.intervalMs ?? 250));
  }
}
