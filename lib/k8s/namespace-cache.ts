/**
 * One shared watch per team namespace (client-go's informer pattern): each kind the app
 * page needs (Deployments, ReplicaSets, Pods, Services, Ingresses, Events) is listed once, then
 * watched from that resourceVersion; every watch ends after RESYNC_SECONDS and the kind
 * is listed again (the resync: whatever a lost event hid is put right), as after an
 * error or 410 Gone. Pages and GET .../status read the store, never the API server.
 *
 * Per replica, on demand (not under the engine's whileLeader): every replica serves
 * pages and pushes changes to its own browsers, so each needs the state in its own
 * memory; a leader-only watch would have to ship it across replicas. A cache starts at
 * the first read for its namespace and stops after IDLE_MS without a read or a
 * subscriber, so a replica watches only the teams someone is looking at. It reads
 * with the team's viewer token (refreshed by the token cache), so whoever serves what it
 * holds must have authorized the caller for the team first (the use-cases do).
 *
 * Events are bounded: only those seen in the last EVENT_WINDOW_MS, at most MAX_EVENTS
 * (the newest), so a noisy namespace cannot grow a replica's memory without end.
 * managedFields are dropped on the way in: nothing reads them and they are most of an object.
 */
import * as https from "node:https";
import { setTimeout as sleep } from "node:timers/promises";
import { logger } from "@/lib/observability/logger";
import type { PlatformClient, TeamClient } from "./client";
import { k8sErrorFromStatus, type K8sCallContext } from "./errors";
import { teamClient } from "./tokens";

export const CACHED_KINDS = {
  deployments: "/apis/apps/v1/namespaces/{ns}/deployments",
  replicasets: "/apis/apps/v1/namespaces/{ns}/replicasets",
  pods: "/api/v1/namespaces/{ns}/pods",
  events: "/api/v1/namespaces/{ns}/events",
  services: "/api/v1/namespaces/{ns}/services",
  ingresses: "/apis/networking.k8s.io/v1/namespaces/{ns}/ingresses",
} as const;
export type CachedKind = keyof typeof CACHED_KINDS;

/** An API object as the wire carries it (JSON: dates are strings). */
export type RawObject = {
  metadata?: {
    name?: string;
    resourceVersion?: string;
    creationTimestamp?: string;
    labels?: Record<string, string>;
    ownerReferences?: { name?: string }[];
    managedFields?: unknown;
  };
  [key: string]: unknown;
};

export const EVENT_WINDOW_MS = 60 * 60_000;
export const MAX_EVENTS = 1_000;

/** When an event was last seen (series, lastTimestamp, eventTime, then creation), in ms; 0 when unknown. */
export function eventTime(event: RawObject): number {
  const e = event as RawObject & { lastTimestamp?: string; eventTime?: string; series?: { lastObservedTime?: string } };
  const text = e.series?.lastObservedTime ?? e.lastTimestamp ?? e.eventTime ?? e.metadata?.creationTimestamp;
  const time = text ? Date.parse(text) : NaN;
  return Number.isNaN(time) ? 0 : time;
}

/** Drops events older than the window, then the oldest beyond the cap. Mutates `store`. */
export function boundEvents(store: Map<string, RawObject>, now = Date.now(), max = MAX_EVENTS): void {
  const oldest = now - EVENT_WINDOW_MS;
  for (const [name, event] of store) if (eventTime(event) < oldest) store.delete(name);
  if (store.size <= max) return;
  const byAge = [...store].sort((a, b) => eventTime(a[1]) - eventTime(b[1]));
  for (const [name] of byAge.slice(0, store.size - max)) store.delete(name);
}

function slim(object: RawObject): RawObject {
  if (object.metadata?.managedFields) delete object.metadata.managedFields;
  return object;
}

const RESYNC_SECONDS = 120;
const IDLE_MS = 10 * 60_000;
const FIRST_SYNC_WAIT_MS = 5_000;
const NOTIFY_DEBOUNCE_MS = 150;

export class NamespaceCache {
  private readonly stores = new Map<CachedKind, Map<string, RawObject>>();
  private readonly listeners = new Map<() => void, ReadonlySet<CachedKind> | null>();
  private readonly changedKinds = new Set<CachedKind>();
  private readonly stop = new AbortController();
  private readonly firstSync: Promise<void>;
  private lastUsed = Date.now();
  private notifyTimer: NodeJS.Timeout | undefined;
  private lastError: string | undefined;

  constructor(
    private readonly team: TeamClient,
    readonly namespace: string,
    private readonly onStop: () => void,
  ) {
    const kinds = Object.keys(CACHED_KINDS) as CachedKind[];
    this.firstSync = Promise.all(kinds.map((kind) => new Promise<void>((synced) => void this.run(kind, synced)))).then(() => {});
    const idle = setInterval(() => {
      if (this.listeners.size === 0 && Date.now() - this.lastUsed > IDLE_MS) this.close();
    }, 60_000);
    idle.unref();
    this.stop.signal.addEventListener("abort", () => clearInterval(idle), { once: true });
  }

  /** The objects of one kind once the first list is in (or the wait ran out: then with why). */
  async read(): Promise<{ objects: (kind: CachedKind) => RawObject[]; error?: string }> {
    this.lastUsed = Date.now();
    const synced = await Promise.race([this.firstSync.then(() => true), sleep(FIRST_SYNC_WAIT_MS, false)]);
    const events = this.stores.get("events");
    if (events) boundEvents(events);
    const objects = (kind: CachedKind) => [...(this.stores.get(kind)?.values() ?? [])];
    if (!synced) return { objects, error: this.lastError ?? "The cluster has not answered yet." };
    return { objects };
  }

  /** Calls `listener` (debounced) whenever anything of `kinds` (default: any kind) in the namespace changes. */
  subscribe(listener: () => void, kinds?: readonly CachedKind[]): () => void {
    this.listeners.set(listener, kinds ? new Set(kinds) : null);
    this.lastUsed = Date.now();
    return () => {
      this.listeners.delete(listener);
      this.lastUsed = Date.now();
    };
  }

  close(): void {
    if (this.stop.signal.aborted) return;
    this.stop.abort();
    this.onStop();
  }

  private changed(kind: CachedKind): void {
    this.changedKinds.add(kind);
    // At most one notification per NOTIFY_DEBOUNCE_MS, never postponed by further changes (a busy namespace changes constantly).
    if (this.notifyTimer) return;
    this.notifyTimer = setTimeout(() => {
      this.notifyTimer = undefined;
      const changed = [...this.changedKinds];
      this.changedKinds.clear();
      for (const [listener, kinds] of this.listeners) if (!kinds || changed.some((k) => kinds.has(k))) listener();
    }, NOTIFY_DEBOUNCE_MS);
  }

  private async run(kind: CachedKind, synced: () => void): Promise<void> {
    const path = CACHED_KINDS[kind].replace("{ns}", encodeURIComponent(this.namespace));
    const context: K8sCallContext = { verb: "watch", kind, namespace: this.namespace, cluster: this.team.server };
    let backoffMs = 500;
    while (!this.stop.signal.aborted) {
      try {
        const list = JSON.parse(await request(this.team, path, "", context, this.stop.signal)) as {
          metadata?: { resourceVersion?: string };
          items?: RawObject[];
        };
        const store = new Map<string, RawObject>();
        for (const item of list.items ?? []) store.set(item.metadata?.name ?? "", slim(item));
        if (kind === "events") boundEvents(store);
        const before = this.stores.get(kind);
        this.stores.set(kind, store);
        if (before) this.changed(kind);
        synced();
        backoffMs = 500;
        const query = new URLSearchParams({
          watch: "true",
          allowWatchBookmarks: "true",
          resourceVersion: list.metadata?.resourceVersion ?? "",
          timeoutSeconds: String(RESYNC_SECONDS),
        });
        await request(this.team, path, query.toString(), context, this.stop.signal, (line) => this.apply(kind, line));
      } catch (error) {
        if (this.stop.signal.aborted) return;
        this.lastError = error instanceof Error ? error.message : String(error);
        logger.warn({ namespace: this.namespace, kind, err: error }, "namespace cache: watch failed, listing again");
        await sleep(backoffMs, undefined, { signal: this.stop.signal }).catch(() => {});
        backoffMs = Math.min(backoffMs * 2, 10_000);
      }
    }
  }

  /** One watch event; false ends the watch (410 Gone: list again). */
  private apply(kind: CachedKind, line: string): boolean {
    const event = JSON.parse(line) as { type?: string; object?: RawObject & { code?: number } };
    const store = this.stores.get(kind)!;
    const name = event.object?.metadata?.name ?? "";
    switch (event.type) {
      case "ADDED":
      case "MODIFIED":
        store.set(name, slim(event.object!));
        if (kind === "events" && store.size > MAX_EVENTS) boundEvents(store);
        this.changed(kind);
        return true;
      case "DELETED":
        store.delete(name);
        this.changed(kind);
        return true;
      case "ERROR":
        return false;
      default:
        return true; // BOOKMARK
    }
  }
}

/**
 * A GET of `path`: the whole body, or with `onLine` a watch stream fed line by line
 * until the server ends it (or `onLine` returns false). Fresh token on every call.
 */
async function request(
  team: TeamClient,
  path: string,
  query: string,
  context: K8sCallContext,
  signal: AbortSignal,
  onLine?: (line: string) => boolean,
): Promise<string> {
  const url = new URL(`${path}${query ? `?${query}` : ""}`, team.server);
  const base = await team.requestOptions();
  return new Promise<string>((resolve, reject) => {
    let settled = false;
    const finish = (error?: unknown, body = "") => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal.removeEventListener("abort", onAbort);
      req.destroy();
      if (error) reject(error);
      else resolve(body);
    };
    const onAbort = () => finish(new Error("stopped"));
    // Closed while the token was fetched: "abort" has fired already and would never reach the listener.
    if (signal.aborted) return reject(new Error("stopped"));
    signal.addEventListener("abort", onAbort, { once: true });
    const limitMs = onLine ? (RESYNC_SECONDS + 30) * 1000 : team.timeoutMs;
    const timer = setTimeout(() => finish(new Error(`${context.verb} ${context.kind} timed out`)), limitMs);
    const req = https.request(url, { ...base, method: "GET" }, (response) => {
      let buffer = "";
      response.setEncoding("utf8");
      if (response.statusCode !== 200 || !onLine) {
        response.on("data", (chunk: string) => (buffer += chunk));
        response.on("end", () =>
          response.statusCode === 200 ? finish(undefined, buffer) : finish(k8sErrorFromStatus(response.statusCode ?? 0, buffer, context)),
        );
      } else {
        response.on("data", (chunk: string) => {
          buffer += chunk;
          let newline: number;
          while ((newline = buffer.indexOf("\n")) >= 0) {
            const line = buffer.slice(0, newline).trim();
            buffer = buffer.slice(newline + 1);
            if (line && !onLine(line)) return finish();
          }
        });
        response.on("end", () => finish());
      }
      response.on("error", (error) => finish(error));
    });
    req.on("error", (error) => finish(error));
    req.end();
  });
}

type Registry = Map<string, NamespaceCache>;
const REGISTRY = Symbol.for("slipway.namespaceCaches");

function registry(): Registry {
  const holder = globalThis as { [REGISTRY]?: Registry };
  return (holder[REGISTRY] ??= new Map());
}

/** The namespace's shared cache, started on first use. */
export function namespaceCache(platform: PlatformClient, namespace: string): NamespaceCache {
  const caches = registry();
  const key = `${platform.server} ${namespace}`;
  let cache = caches.get(key);
  if (!cache) {
    const created = new NamespaceCache(teamClient(platform, namespace, "viewer"), namespace, () => {
      if (caches.get(key) === created) caches.delete(key);
    });
    caches.set(key, created);
    cache = created;
  }
  return cache;
}

/** Stops every cache (shutdown, tests). */
export function closeNamespaceCaches(): void {
  for (const cache of [...registry().values()]) cache.close();
}
