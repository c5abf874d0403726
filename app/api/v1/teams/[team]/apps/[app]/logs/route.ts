import { apiRoute } from "@/lib/adapters/api-route";
import { streamAppLogs } from "@/lib/apps/stream-app-logs";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoute(streamAppLogs);
