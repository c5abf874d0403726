import { apiRoute } from "@/lib/adapters/api-route";
import { getApp } from "@/lib/apps/get-app";
import { updateApp } from "@/lib/apps/update-app";
import { archiveApp } from "@/lib/apps/archive-app";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoute(getApp, updateApp, archiveApp);
