import { apiRoute } from "@/lib/adapters/api-route";
import { updateEnvironment } from "@/lib/environments/update-environment";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoute(updateEnvironment);
