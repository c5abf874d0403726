import { apiRoute } from "@/lib/adapters/api-route";
import { denyAccessRequest } from "@/lib/access/deny-access-request";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoute(denyAccessRequest);
