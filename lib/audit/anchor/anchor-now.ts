import { db } from "@/lib/db";
import { anchorAuditHead } from "./anchor-audit-head";
import { auditSigningKey } from "./signing-key";
import { configuredAnchorStore } from "./stores";

/** The leader's periodic task: anchor the head in the configured store (nothing when anchoring is off). */
export async function anchorAuditHeadNow(): Promise<void> {
  const store = configuredAnchorStore();
  const key = auditSigningKey();
  if (store && key) await anchorAuditHead({ db: db(), store, key });
}
