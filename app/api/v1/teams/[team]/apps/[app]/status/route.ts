import { apiRoute } from "@/lib/adapters/api-route";
import { readAppStatus } from "@/lib/apps/read-app-status";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoute(readAppStatus);
