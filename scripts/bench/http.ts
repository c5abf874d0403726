/** A small HTTP client over kept-alive sockets (lighter than fetch when 100 requests are in flight), and percentiles. */
import * as http from "node:http";

const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

export type Reply = { status: number; body: string; ms: number };

export type RequestOptions = { headers?: Record<string, string>; body?: unknown };

export function request(base: string, method: string, path: string, options: RequestOptions = {}): Promise<Reply> {
  const url = new URL(path, base);
  const body = options.body === undefined ? undefined : JSON.stringify(options.body);
  const headers: Record<string, string> = { ...options.headers };
  if (body !== undefined) headers["content-type"] = "application/json";
  const began = performance.now();
  return new Promise((resolve) => {
    const req = http.request(url, { method, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8"), ms: performance.now() - began }),
      );
      res.on("error", (error) => resolve({ status: 0, body: String(error), ms: performance.now() - began }));
    });
    req.on("error", (error) => resolve({ status: 0, body: String(error), ms: performance.now() - began }));
    req.end(body);
  });
}

/** Nearest-rank percentile of unsorted samples; NaN when there are none. */
export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export const ms = (value: number) =>
  Number.isNaN(value) ? "-" : value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : `${value.toFixed(value < 10 ? 1 : 0)} ms`;
