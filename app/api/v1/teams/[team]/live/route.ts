import { apiRoute } from "@/lib/adapters/api-route";
import { listAppsLive } from "@/lib/apps/list-apps-live";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoute(listAppsLive);
