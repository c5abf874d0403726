import { apiRoute } from "@/lib/adapters/api-route";
import { listAccessRequests } from "@/lib/access/list-access-requests";
import { requestAccess } from "@/lib/access/request-access";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoute(listAccessRequests, requestAccess);
