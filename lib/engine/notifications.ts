/**
 * Fan-out between replicas: PostgreSQL NOTIFY, heard through one dedicated LISTEN
 * connection per process (a pooled connection cannot hold a LISTEN). Every message is
 * also delivered in this process at once, and a replica ignores its own messages when
 * they come back. On PGlite (one process, one connection) delivery is in-process only.
 *
 * Payloads are JSON under PostgreSQL's 8000-byte limit; callers keep them small.
 */
import pg from "pg";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { outsideBackground } from "@/lib/db-priority";
import { env } from "@/lib/env";
import { engineState } from "./process-state";
import { logEvent } from "@/lib/observability/logger";

export const CHANNELS = { queue: "slipway_release_queue", progress: "slipway_release_progress" } as const;
export type Channel = (typeof CHANNELS)[keyof typeof CHANNELS];

type Envelope = { from: string; body: unknown };

/**
 * Delivers `body` to `channel` listeners here and, on PostgreSQL, in every replica.
 * The notifications of one turn of the event loop go out in one statement (under 50
 * concurrent deploys, a statement per notification was a tenth of all statements),
 * in the order they were made.
 */
export async function notify(channel: Channel, body: unknown): Promise<void> {
  const state = engineState();
  state.bus.emit(channel, body);
  if (!env.DATABASE_URL) return;
  const payload = JSON.stringify({ from: state.processId, body } satisfies Envelope);
  return new Promise((resolve, reject) => {
    if (!outgoing) {
      outgoing = [];
      // Not as the engine's background work, whoever notified first: a notification never waits for requests.
      outsideBackground(() => setImmediate(send));
    }
    outgoing.push({ channel, payload, resolve, reject });
  });
}

/**
 * A notification sent by the statement whose change it announces: `sql`, a pg_notify call
 * to put in that statement (NULL on PGlite), goes out when the statement commits, one
 * round trip sooner than `notify` after it. Call `deliverHere` once it has committed.
 */
export function notificationInStatement(channel: Channel, body: unknown): { sql: Prisma.Sql; deliverHere(): void } {
  const state = engineState();
  const payload = JSON.stringify({ from: state.processId, body } satisfies Envelope);
  return {
    sql: env.DATABASE_URL ? Prisma.sql`pg_notify(${channel}, ${payload})` : Prisma.sql`NULL`,
    deliverHere: () => state.bus.emit(channel, body),
  };
}

type Outgoing = { channel: Channel; payload: string; resolve: () => void; reject: (error: unknown) => void };
let outgoing: Outgoing[] | null = null;

function send() {
  const batch = outgoing ?? [];
  outgoing = null;
  const channels = batch.map((item) => item.channel);
  const payloads = batch.map((item) => item.payload);
  // A function scan yields the array's rows in order, so they are notified in that order.
  db().$executeRaw`SELECT pg_notify(c, p) FROM unnest(${channels}::text[], ${payloads}::text[]) AS n(c, p)`.then(
    () => batch.forEach((item) => item.resolve()),
    (error: unknown) => batch.forEach((item) => item.reject(error)),
  );
}

export function listen(channel: Channel, listener: (body: unknown) => void): () => void {
  const { bus } = engineState();
  bus.on(channel, listener);
  return () => bus.off(channel, listener);
}

/** Opens the LISTEN connection (PostgreSQL only) and keeps it open, reconnecting after a loss. */
export function startListening(log: (message: string, error?: unknown) => void = logEvent): void {
  const state = engineState();
  const url = env.DATABASE_URL;
  if (!url || state.listener) return;
  let client: pg.Client | undefined;
  let closed = false;
  let retryMs = 500;
  const connect = async () => {
    if (closed) return;
    const next = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000, keepAlive: true });
    const lost = (error?: unknown) => {
      if (client !== next) return;
      client = undefined;
      next.removeAllListeners("notification");
      next.end().catch(() => {});
      if (closed) return;
      log("notifications: LISTEN connection lost; reconnecting", error);
      setTimeout(connect, retryMs).unref();
      retryMs = Math.min(retryMs * 2, 10_000);
    };
    client = next;
    next.on("error", lost);
    next.on("end", () => lost());
    next.on("notification", (message) => {
      if (!message.payload) return;
      try {
        const envelope = JSON.parse(message.payload) as Envelope;
        if (envelope.from !== state.processId) state.bus.emit(message.channel, envelope.body);
      } catch (error) {
        log("notifications: unreadable payload", error);
      }
    });
    try {
      await next.connect();
      for (const channel of Object.values(CHANNELS)) await next.query(`LISTEN ${channel}`);
      retryMs = 500;
      // Whatever was sent while we were away is lost; the queue's poll and the streams' re-reads cover it.
      state.bus.emit(CHANNELS.queue, { reconnected: true });
    } catch (error) {
      lost(error);
    }
  };
  state.listener = {
    close: async () => {
      closed = true;
      const current = client;
      client = undefined;
      await current?.end().catch(() => {});
    },
  };
  void connect();
}
