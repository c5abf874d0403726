import { apiRoute } from "@/lib/adapters/api-route";
import { exportAuditEvents } from "@/lib/audit/export-audit-events";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoute(exportAuditEvents);
