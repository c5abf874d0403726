import { apiRoute } from "@/lib/adapters/api-route";
import { checkAuditChain } from "@/lib/audit/check-audit-chain";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoute(checkAuditChain);
