import { db } from "@/lib/db";

export type Readiness = { ready: true } | { ready: false; reason: string };

/** Ready when the database answers a trivial query within `timeoutMs`. */
export async function checkReadiness({ timeoutMs = 3_000 } = {}): Promise<Readiness> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([db().$queryRaw`SELECT 1`, timeout]);
    return { ready: true };
  } catch (error) {
    const detail = error instanceof Error ? error.message.split("\n")[0] : String(error);
    return { ready: false, reason: `database unreachable: ${detail}` };
  } finally {
    clearTimeout(timer);
  }
}
