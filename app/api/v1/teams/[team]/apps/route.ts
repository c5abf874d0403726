import { apiRoute } from "@/lib/adapters/api-route";
import { listApps } from "@/lib/apps/list-apps";
import { createApp } from "@/lib/apps/create-app";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoute(listApps, createApp);
