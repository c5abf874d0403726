import { apiRoute } from "@/lib/adapters/api-route";
import { rollbackRelease } from "@/lib/deploys/rollback-release";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoute(rollbackRelease);
