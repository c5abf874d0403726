import { apiRoute } from "@/lib/adapters/api-route";
import { restartApp } from "@/lib/apps/restart-app";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoute(restartApp);
