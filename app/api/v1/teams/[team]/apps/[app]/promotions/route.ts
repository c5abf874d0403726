import { apiRoute } from "@/lib/adapters/api-route";
import { promoteRelease } from "@/lib/deploys/promote-release";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoute(promoteRelease);
