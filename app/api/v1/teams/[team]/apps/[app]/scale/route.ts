import { apiRoute } from "@/lib/adapters/api-route";
import { scaleApp } from "@/lib/apps/scale-app";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoute(scaleApp);
