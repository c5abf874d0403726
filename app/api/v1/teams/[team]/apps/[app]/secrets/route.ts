import { apiRoute } from "@/lib/adapters/api-route";
import { listSecrets } from "@/lib/secrets/list-secrets";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoute(listSecrets);
