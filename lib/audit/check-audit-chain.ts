/**
 * Verifying the audit chain, for anyone signed in: the answer says only whether the
 * chain holds and where it breaks, never what the rows contain. A walk reads the
 * whole table, so concurrent requests share one walk instead of starting one each.
 */
import { z } from "zod";
import { db } from "@/lib/db";
import { userUseCase } from "@/lib/usecase/define";
import { noInput } from "@/lib/validation/wire";
import { auditSigningKey } from "./anchor/signing-key";
import { configuredAnchorStore } from "./anchor/stores";
import { verifyAuditChain, type ChainVerdict } from "./verify-audit-chain";

let running: Promise<ChainVerdict> | null = null;

export const checkAuditChain = userUseCase({
  name: "checkAuditChain",
  summary:
    "Recompute the audit hash chain and check it against the signed anchors kept outside the database: whether it holds, and if not, the first event that breaks it",
  input: noInput,
  output: z.union([
    z.object({ ok: z.literal(true), checked: z.number().int(), anchors: z.number().int() }),
    z.object({ ok: z.literal(false), checked: z.number().int(), anchors: z.number().int(), brokenAt: z.string(), reason: z.string() }),
  ]),
  route: { method: "POST", path: "/audit/verify" },
  async run() {
    running ??= verifyAgainstAnchors().finally(() => {
      running = null;
    });
    const verdict = await running;
    return verdict.ok ? verdict : { ...verdict, brokenAt: String(verdict.brokenAt) };
  },
});

async function verifyAgainstAnchors(): Promise<ChainVerdict> {
  const store = configuredAnchorStore();
  const anchors = store ? await store.read() : [];
  return verifyAuditChain({ db: db(), anchors, key: auditSigningKey() });
}
