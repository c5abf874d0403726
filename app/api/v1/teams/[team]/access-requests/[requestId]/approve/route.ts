import { apiRoute } from "@/lib/adapters/api-route";
import { approveAccessRequest } from "@/lib/access/approve-access-request";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoute(approveAccessRequest);
