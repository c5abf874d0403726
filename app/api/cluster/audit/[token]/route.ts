import { handleAuditWebhook } from "@/lib/cluster-audit/audit-webhook-handler";

/** The audit webhook over plain http on loopback, where client-go sends no bearer token (the local control plane). */
export const POST = async (request: Request, context: { params: Promise<{ token: string }> }) =>
  handleAuditWebhook(request, { pathToken: (await context.params).token });
