import { apiRoute } from "@/lib/adapters/api-route";
import { listAuditEvents } from "@/lib/audit/list-audit-events";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoute(listAuditEvents);
