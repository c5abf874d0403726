import { apiRoute } from "@/lib/adapters/api-route";
import { getDashboard } from "@/lib/dashboard/get-dashboard";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoute(getDashboard);
