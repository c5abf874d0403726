import { apiRoute } from "@/lib/adapters/api-route";
import { setSecret } from "@/lib/secrets/set-secret";
import { unsetSecret } from "@/lib/secrets/unset-secret";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoute(setSecret, unsetSecret);
