import { apiRoute } from "@/lib/adapters/api-route";
import { reapplyRelease } from "@/lib/deploys/reapply-release";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoute(reapplyRelease);
