import { apiRoute } from "@/lib/adapters/api-route";
import { applyAppSpec } from "@/lib/apps/apply-app-spec";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoute(applyAppSpec);
