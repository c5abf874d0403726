import { apiRoute } from "@/lib/adapters/api-route";
import { exportAppSpec } from "@/lib/apps/export-app-spec";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoute(exportAppSpec);
