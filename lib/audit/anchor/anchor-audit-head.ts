import type { Db } from "@/lib/db";
import { signAnchor } from "./anchor";
import type { AnchorStore } from "./stores";

/**
 * Signs the chain's head and appends it to the store, when it moved since the last
 * anchor. Run periodically by the leader (lib/engine/start-engine.ts).
 */
export async function anchorAuditHead(options: { db: Db; store: AnchorStore; key: string }): Promise<{ anchored: bigint | null }> {
  const head = await options.db.auditEvent.findFirst({ orderBy: { id: "desc" }, select: { id: true, hash: true } });
  if (!head) return { anchored: null };
  const last = (await options.store.read()).at(-1);
  if (last && last.id === String(head.id) && last.hash === head.hash) return { anchored: null };
  await options.store.append(signAnchor(options.key, head));
  return { anchored: head.id };
}
