/**
 * Whose statement goes next on the embedded PGlite. It has one connection, so every
 * query, and every transaction as a whole, waits for its turn. In arrival order of
 * statements, 50 concurrent requests interleaved their statements, so each finished only
 * when nearly all had, and behind them the bookkeeping of every release running in the
 * background: at 50 concurrent deploys the 202 took 4 s at p95 while the median was 0.4 s.
 *
 * Each turn is handed over on a later turn of the event loop, so that Node, which accepts
 * one new connection per turn of its loop, keeps letting new clients in.
 *
 * The turns here go to the request that arrived first (the server hook stamps each
 * request, lib/http/server-hook.ts), so requests finish in the order they came; then to
 * the engine's work, which it marks with `inBackground` (release runs and claims,
 * periodic tasks). Background work that has waited AGING_MS goes next anyway, so it is
 * never starved.
 *
 * On PostgreSQL there is a pool and the database schedules its own work, but the
 * statements' cost on this side (the driver, Prisma) is paid on the server's one thread:
 * under 50 concurrent deploys it was 96-98% busy, a third of it with the release runs'
 * bookkeeping. There (`requestsFirst`), the engine's next statement or transaction waits
 * while any request is in progress, for at most SLIPWAY_BACKGROUND_WAIT_MS (250 ms).
 */
import { AsyncLocalStorage } from "node:async_hooks";
import type { PGlite } from "@electric-sql/pglite";
import type { Pool } from "pg";
import { requestArrivedAt } from "@/lib/http/request-peer";
import { admission } from "@/lib/http/server-hook";
import type { AdmissionQueue } from "@/lib/http/admission";
import { env } from "@/lib/env";

/** Background work waiting this long goes next even while requests wait. */
export const AGING_MS = 1_000;

// On globalThis: instrumentation.ts (which starts the engine) and the app's routes are separate bundles.
const STORAGE_KEY = Symbol.for("slipway.backgroundWork");
const globals = globalThis as typeof globalThis & { [STORAGE_KEY]?: AsyncLocalStorage<true> };
const background = (globals[STORAGE_KEY] ??= new AsyncLocalStorage<true>());

/** Runs `fn`, and everything it starts, as background work (see above). */
export function inBackground<T>(fn: () => T): T {
  return background.run(true, fn);
}

/** Runs `fn` as work of no one in particular (neither a request's nor the engine's). */
export function outsideBackground<T>(fn: () => T): T {
  return background.exit(fn);
}

/** A turn's place in line: background work, or a request that arrived at `since`. */
export type Priority = { background: boolean; since: number };

/** A request counts as at most this old, so a long-lived one (an event stream) cannot stay ahead of everyone. */
const OLDEST_MS = 2_000;

/** The caller's place in line: its request's arrival, or now for work outside a request. */
export function currentPriority(): Priority {
  const now = performance.now();
  if (background.getStore() === true) return { background: true, since: now };
  return { background: false, since: Math.max(requestArrivedAt() ?? now, now - OLDEST_MS) };
}

type Waiter = { go: () => void; since: number };

/** One turn at a time: the earliest request first, then background work (or it, once it has waited `agingMs`). */
export class PriorityTurns {
  #busy = false;
  readonly #agingMs: number;
  /** sorted by `since` */
  readonly #foreground: Waiter[] = [];
  /** in arrival order */
  readonly #background: Waiter[] = [];

  constructor(options: { agingMs?: number } = {}) {
    this.#agingMs = options.agingMs ?? AGING_MS;
  }

  async run<T>(priority: Priority, fn: () => Promise<T>): Promise<T> {
    if (this.#busy) {
      await new Promise<void>((go) => {
        if (priority.background) this.#background.push({ go, since: performance.now() });
        else this.#foreground.splice(this.#placeOf(priority.since), 0, { go, since: priority.since });
      });
    } else {
      this.#busy = true;
    }
    try {
      return await fn();
    } finally {
      this.#next();
    }
  }

  /** After every waiter with the same or an earlier `since`. */
  #placeOf(since: number): number {
    let low = 0;
    let high = this.#foreground.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.#foreground[middle]!.since <= since) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  #next() {
    const oldest = this.#background[0];
    const backgroundGoes = oldest && (this.#foreground.length === 0 || performance.now() - oldest.since >= this.#agingMs);
    const next = backgroundGoes ? this.#background.shift() : this.#foreground.shift();
    // On a later turn of the event loop: PGlite's statements run on this thread, and handed
    // over at once they would run back to back in one turn, while Node accepts one new
    // connection per turn (a burst of new clients waited seconds to be let in).
    if (next) setImmediate(next.go);
    else this.#busy = false;
  }
}

/**
 * The PGlite instance as Prisma's adapter sees it: its top-level query, exec and
 * transaction take turns (a transaction's own statements run inside its turn).
 * Everything else, and `this` inside each method, is the instance itself.
 */
export function withPriorityTurns(pglite: PGlite): PGlite {
  const turns = new PriorityTurns();
  const gated = new Set<PropertyKey>(["query", "exec", "transaction"]);
  return new Proxy(pglite, {
    get(target, property) {
      const value = Reflect.get(target, property, target) as unknown;
      if (typeof value !== "function") return value;
      const method = value as (...args: unknown[]) => Promise<unknown>;
      if (!gated.has(property)) return method.bind(target);
      return (...args: unknown[]) => turns.run(currentPriority(), () => method.apply(target, args));
    },
  });
}

/**
 * The pool as Prisma's adapter sees it: a query or a transaction (its connection) asked
 * for by background work waits until no request is in progress, or `maxWaitMs`. A
 * transaction's own statements do not wait (it holds its connection and may hold locks).
 */
export function requestsFirst(
  pool: Pool,
  options: { maxWaitMs: number; requests?: () => Pick<AdmissionQueue, "whenIdle"> } = { maxWaitMs: env.SLIPWAY_BACKGROUND_WAIT_MS },
): Pool {
  const requests = options.requests ?? admission;
  const wait = () => (background.getStore() === true && options.maxWaitMs > 0 ? requests().whenIdle(options.maxWaitMs) : undefined);
  return new Proxy(pool, {
    get(target, property) {
      const value = Reflect.get(target, property, target) as unknown;
      if (typeof value !== "function") return value;
      const method = value as (...args: unknown[]) => unknown;
      if (property !== "connect" && property !== "query") return method.bind(target);
      return (...args: unknown[]) => {
        // The callback forms are not used by the adapter; they go straight through.
        if (typeof args[args.length - 1] === "function") return method.apply(target, args);
        const waiting = wait();
        return waiting ? waiting.then(() => method.apply(target, args)) : method.apply(target, args);
      };
    },
  });
}
