import { apiRoute } from "@/lib/adapters/api-route";
import { getAppEnvironments } from "@/lib/apps/get-app-environments";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoute(getAppEnvironments);
