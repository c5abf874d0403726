import { apiRoute } from "@/lib/adapters/api-route";
import { countPendingApprovals } from "@/lib/access/count-pending-approvals";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoute(countPendingApprovals);
