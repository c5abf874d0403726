/**
 * (b)/(f) Concurrent deploys across the team's apps: `concurrency` clients each send
 * deploys back to back (round-robin over the apps, a new version each) until `total`
 * have been sent. Counts what answered 202 and how fast, then follows the releases
 * through the API until every one is SUCCEEDED or FAILED.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { percentile, request } from "./http";
import { bearer } from "./setup";

export type ConcurrencyResult = {
  concurrency: number;
  sent: number;
  accepted: number;
  errors: number;
  errorSamples: string[];
  acceptedPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  /** From the first request to every release terminal (NaN if some never were). */
  allTerminalMs: number;
  failed: number;
  failedOtherThanSuperseded: number;
  failureSamples: string[];
  /** [sent at (ms after the first request), took (ms)] of each accepted request */
  trace: [number, number][];
};

type ReleaseRow = { id: string; sequence: number; status: string; error: string | null };

export async function runConcurrentDeploys(options: {
  base: string;
  token: string;
  team: string;
  apps: string[];
  concurrency: number;
  total: number;
  label: string;
  terminalTimeoutMs?: number;
}): Promise<ConcurrencyResult> {
  const { base, token, team, apps } = options;
  const times: number[] = [];
  // when each accepted request was sent (ms after the first) and how long it took, for BENCH_TRACE
  const trace: [number, number][] = [];
  const errorSamples: string[] = [];
  const firstSequence = new Map<string, number>();
  let errors = 0;
  let next = 0;
  const began = performance.now();
  const client = async () => {
    for (let i = next++; i < options.total; i = next++) {
      const app = apps[i % apps.length]!;
      const reply = await request(base, "POST", `/api/v1/teams/${team}/apps/${app}/deploys`, {
        headers: bearer(token),
        body: { version: `${options.label}-${i}` },
      });
      if (reply.status === 202) {
        times.push(reply.ms);
        trace.push([Math.round(performance.now() - reply.ms - began), Math.round(reply.ms)]);
        const { release } = JSON.parse(reply.body) as { release: ReleaseRow };
        firstSequence.set(app, Math.min(firstSequence.get(app) ?? Infinity, release.sequence));
      } else {
        errors++;
        if (errorSamples.length < 5) errorSamples.push(`${reply.status} ${reply.body.slice(0, 200)}`);
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, client));
  const sendingMs = performance.now() - began;

  // Every release of this phase is terminal when each app's releases from its first one on are.
  let allTerminalMs = Number.NaN;
  let finished: ReleaseRow[] = [];
  const until = Date.now() + (options.terminalTimeoutMs ?? Number(process.env.BENCH_TERMINAL_MS ?? 300_000));
  while (Date.now() < until) {
    const lists = await Promise.all(
      [...firstSequence].map(async ([app, from]) => {
        const reply = await request(base, "GET", `/api/v1/teams/${team}/apps/${app}/releases?limit=100`, { headers: bearer(token) });
        if (reply.status !== 200) return null;
        return (JSON.parse(reply.body) as { releases: ReleaseRow[] }).releases.filter((r) => r.sequence >= from);
      }),
    );
    if (lists.every((list) => list !== null)) {
      const rows = lists.flat() as ReleaseRow[];
      if (rows.every((r) => r.status === "SUCCEEDED" || r.status === "FAILED")) {
        allTerminalMs = performance.now() - began;
        finished = rows;
        break;
      }
    }
    await sleep(500);
  }
  const failedRows = finished.filter((r) => r.status === "FAILED");
  const unexpected = failedRows.filter((r) => !/^Superseded/.test(r.error ?? ""));
  return {
    concurrency: options.concurrency,
    sent: options.total,
    accepted: times.length,
    errors,
    errorSamples,
    acceptedPerSecond: times.length / (sendingMs / 1000),
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    allTerminalMs,
    failed: failedRows.length,
    failedOtherThanSuperseded: unexpected.length,
    failureSamples: [...new Set(unexpected.map((r) => r.error ?? ""))].slice(0, 3),
    trace,
  };
}
