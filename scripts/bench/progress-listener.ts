/**
 * Hears release progress the way a second replica would: LISTEN on the channel the
 * engine NOTIFYs after each status change it has written (lib/engine/notifications.ts),
 * noting when each release reached each status.
 */
import pg from "pg";
import { CHANNELS } from "@/lib/engine/notifications";

export type ProgressListener = {
  /** performance.now() when `releaseId` was first heard in `status`. */
  reached(releaseId: string, status: string): number | undefined;
  waitFor(releaseId: string, status: string, timeoutMs: number): Promise<number>;
  close(): Promise<void>;
};

export async function listenToProgress(databaseUrl: string): Promise<ProgressListener> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const seen = new Map<string, number>();
  const waiters = new Map<string, () => void>();
  client.on("notification", (message) => {
    const at = performance.now();
    try {
      const { body } = JSON.parse(message.payload ?? "{}") as { body?: { releaseId?: string; status?: string } };
      if (!body?.releaseId || !body.status) return;
      const key = `${body.releaseId}/${body.status}`;
      if (!seen.has(key)) seen.set(key, at);
      waiters.get(key)?.();
    } catch {
      // not ours
    }
  });
  await client.query(`LISTEN ${CHANNELS.progress}`);
  return {
    reached: (releaseId, status) => seen.get(`${releaseId}/${status}`),
    waitFor: (releaseId, status, timeoutMs) => {
      const key = `${releaseId}/${status}`;
      const known = seen.get(key);
      if (known !== undefined) return Promise.resolve(known);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(key);
          reject(new Error(`release ${releaseId} not ${status} within ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.set(key, () => {
          clearTimeout(timer);
          waiters.delete(key);
          resolve(seen.get(key)!);
        });
      });
    },
    close: () => client.end(),
  };
}
