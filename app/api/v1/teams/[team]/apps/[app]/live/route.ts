import { apiRoute } from "@/lib/adapters/api-route";
import { streamAppLive } from "@/lib/apps/stream-app-live";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoute(streamAppLive);
