/**
 * Leader election for periodic work (the reconciler sweep; later watchers and expiries):
 * the leader is the replica whose dedicated session holds a PostgreSQL advisory lock.
 * The lock lives exactly as long as that session, so a replica that dies or loses its
 * connection stops leading, and another takes over on its next try (every few seconds).
 *
 * Why an advisory lock and not a Kubernetes Lease: every replica already depends on
 * PostgreSQL (no database, no work to lead), it needs no extra RBAC, and it behaves the
 * same outside a cluster. A partitioned leader may overlap a new one for a few seconds
 * (until its server notices the dead session), so leader tasks must be idempotent; the
 * ones here only look for work and wake the queue. On PGlite there is one process,
 * which always leads.
 */
import pg from "pg";
import { env } from "@/lib/env";
import { inBackground } from "@/lib/db-priority";
import { engineState } from "./process-state";
import { logEvent } from "@/lib/observability/logger";

export const LEADER_LOCK = 7_235_105_900_002n;
const TRY_EVERY_MS = 5_000;

export function startLeaderElection(log: (message: string, error?: unknown) => void = logEvent): void {
  const state = engineState();
  if (state.leader) return;
  const url = env.DATABASE_URL;
  if (!url) {
    state.leader = { isLeader: () => true, close: async () => {} };
    return;
  }
  let client: pg.Client | undefined;
  let leading = false;
  let closed = false;
  const drop = (error?: unknown) => {
    if (leading) log("leader: lost the leader lock", error);
    leading = false;
    const old = client;
    client = undefined;
    old?.end().catch(() => {});
  };
  const attempt = async () => {
    if (closed) return;
    try {
      if (!client) {
        const next = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000, keepAlive: true });
        next.on("error", (error) => client === next && drop(error));
        next.on("end", () => client === next && drop());
        client = next;
        await next.connect();
      }
      if (leading) {
        await client.query("SELECT 1");
        return;
      }
      const { rows } = await client.query<{ ok: boolean }>("SELECT pg_try_advisory_lock($1) AS ok", [LEADER_LOCK.toString()]);
      leading = rows[0]?.ok === true;
      if (leading) log(`leader: ${state.processId} leads periodic work`);
    } catch (error) {
      drop(error);
    }
  };
  const timer = setInterval(() => void attempt(), TRY_EVERY_MS);
  timer.unref();
  void attempt();
  state.leader = {
    isLeader: () => leading,
    close: async () => {
      closed = true;
      clearInterval(timer);
      leading = false;
      await client?.end().catch(() => {});
    },
  };
}

export function isLeader(): boolean {
  return engineState().leader?.isLeader() ?? false;
}

/** Runs `task` every `intervalMs` while this process leads (and not while shutting down). */
export function whileLeader(name: string, intervalMs: number, task: () => Promise<unknown>, log = logEvent): void {
  let busy = false;
  const tick = async () => {
    if (busy || !isLeader() || engineState().shutdown.signal.aborted) return;
    busy = true;
    try {
      await inBackground(task);
    } catch (error) {
      log(`leader: ${name} failed`, error);
    } finally {
      busy = false;
    }
  };
  setInterval(() => void tick(), intervalMs).unref();
}
