"use server";

import { formAction } from "@/lib/adapters/form-action";
import { checkAuditChain } from "@/lib/audit/check-audit-chain";
import { AppError } from "@/lib/errors";

export const verifyAuditChainAction = formAction(checkAuditChain, {
  done: ({ output: report }) => {
    if (!report.ok) {
      // Shown as a failure: the log can no longer be trusted from that event on.
      throw new AppError(
        "CONFLICT",
        `The audit chain is broken at event ${report.brokenAt}: ${report.reason}. The ${report.checked} events before it check out.`,
      );
    }
    return { message: `The audit chain is intact: ${report.checked} events checked.` };
  },
});
