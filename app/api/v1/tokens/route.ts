import { apiRoute } from "@/lib/adapters/api-route";
import { createApiToken } from "@/lib/tokens/create-api-token";
import { listApiTokens } from "@/lib/tokens/list-api-tokens";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoute(listApiTokens, createApiToken);
