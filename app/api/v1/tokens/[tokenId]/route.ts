import { apiRoute } from "@/lib/adapters/api-route";
import { revokeApiToken } from "@/lib/tokens/revoke-api-token";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoute(revokeApiToken);
