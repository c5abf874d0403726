import { apiRoute } from "@/lib/adapters/api-route";
import { listReleases } from "@/lib/deploys/list-releases";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoute(listReleases);
