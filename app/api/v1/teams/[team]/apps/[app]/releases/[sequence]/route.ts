import { apiRoute } from "@/lib/adapters/api-route";
import { getRelease } from "@/lib/deploys/get-release";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoute(getRelease);
