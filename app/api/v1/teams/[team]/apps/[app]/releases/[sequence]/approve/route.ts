import { apiRoute } from "@/lib/adapters/api-route";
import { approveRelease } from "@/lib/deploys/approve-release";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoute(approveRelease);
