import { handleAuditWebhook } from "@/lib/cluster-audit/audit-webhook-handler";

/** kube-apiserver's audit webhook (README, "kubectl in the audit log"). */
export const POST = (request: Request) => handleAuditWebhook(request);
