import type { Db } from "@/lib/db";
import { sealAuditChain } from "../seal-audit-chain";
import { signAnchor } from "./anchor";
import type { AnchorStore } from "./stores";

/**
 * Seals what has committed, then signs the chain's head (the row sealed last; the anchor
 * names its id) and appends it to the store, when it moved since the last anchor. Run
 * periodically by the leader (lib/platform-engine.ts).
 */
export async function anchorAuditHead(options: { db: Db; store: AnchorStore; key: string }): Promise<{ anchored: bigint | null }> {
  await sealAuditChain(options.db);
  const head = await options.db.auditEvent.findFirst({
    where: { seq: { not: null } },
    orderBy: { seq: "desc" },
    select: { id: true, hash: true },
  });
  if (!head?.hash) return { anchored: null };
  const last = (await options.store.read()).at(-1);
  if (last && last.id === String(head.id) && last.hash === head.hash) return { anchored: null };
  await options.store.append(signAnchor(options.key, { id: head.id, hash: head.hash }));
  return { anchored: head.id };
}
