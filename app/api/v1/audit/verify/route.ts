import { z } from "zod";
import { userRoute } from "@/lib/api/route";
import { checkAuditChain } from "@/lib/audit/check-audit-chain";

/** Whether the audit hash chain is intact, and if not, the first event that breaks it. */
export const POST = userRoute({ schema: z.object({}), input: "none" }, async ({ actor }) => ({
  body: await checkAuditChain({ actor }),
}));
