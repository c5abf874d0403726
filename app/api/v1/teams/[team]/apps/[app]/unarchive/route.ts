import { apiRoute } from "@/lib/adapters/api-route";
import { unarchiveApp } from "@/lib/apps/unarchive-app";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoute(unarchiveApp);
