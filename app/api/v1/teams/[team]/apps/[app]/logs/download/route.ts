import { apiRoute } from "@/lib/adapters/api-route";
import { downloadAppLogs } from "@/lib/apps/download-app-logs";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoute(downloadAppLogs);
