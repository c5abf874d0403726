import { apiRoute } from "@/lib/adapters/api-route";
import { rejectRelease } from "@/lib/deploys/reject-release";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoute(rejectRelease);
