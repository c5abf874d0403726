/**
 * Prometheus metrics, one registry per process (served at /metrics, see
 * app/metrics/route.ts). Names follow Prometheus conventions: `_total` counters,
 * `_seconds` histograms.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";

type PoolUse = { total: number; idle: number; waiting: number };
// On globalThis like the registry: Next.js may load this module once per bundle.
const poolUse: { current?: () => PoolUse } = ((globalThis as unknown as { slipwayPoolUse?: { current?: () => PoolUse } }).slipwayPoolUse ??=
  {});

/** lib/db.ts registers how to read its pool (PostgreSQL only; PGlite has none). */
export function reportPoolUse(read: () => PoolUse): void {
  poolUse.current = read;
}

function create() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "slipway_process_" });
  return {
    registry,
    httpRequests: new Histogram({
      name: "slipway_http_request_duration_seconds",
      help: "HTTP requests handled by Slipway's API, server actions and streams, by route and status",
      labelNames: ["method", "route", "status"] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    deploys: new Counter({
      name: "slipway_deploys_total",
      help: "Releases that ended, by outcome",
      labelNames: ["outcome"] as const,
      registers: [registry],
    }),
    releaseDuration: new Histogram({
      name: "slipway_release_duration_seconds",
      help: "From a release's request to its end",
      labelNames: ["outcome"] as const,
      buckets: [1, 2, 5, 10, 20, 30, 60, 120, 300, 600],
      registers: [registry],
    }),
    releasesInFlight: new Gauge({
      name: "slipway_releases_in_flight",
      help: "Releases this process is applying or watching",
      registers: [registry],
    }),
    kubeCalls: new Histogram({
      name: "slipway_kubernetes_request_duration_seconds",
      help: "Calls to the Kubernetes API, by verb, kind and result",
      labelNames: ["verb", "kind", "result"] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    dbPool: new Gauge({
      name: "slipway_db_pool_connections",
      help: "PostgreSQL pool connections by state (total, idle) and clients waiting for one",
      labelNames: ["state"] as const,
      registers: [registry],
      collect() {
        const use = poolUse.current?.();
        if (!use) return;
        this.set({ state: "total" }, use.total);
        this.set({ state: "idle" }, use.idle);
        this.set({ state: "waiting" }, use.waiting);
      },
    }),
  };
}

const holder = globalThis as unknown as { slipwayMetrics?: ReturnType<typeof create> };

export const metrics = (holder.slipwayMetrics ??= create());
