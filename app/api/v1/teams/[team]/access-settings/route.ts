import { apiRoute } from "@/lib/adapters/api-route";
import { getAccessSettings } from "@/lib/access/get-access-settings";
import { setAccessSettings } from "@/lib/access/set-access-settings";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoute(getAccessSettings, setAccessSettings);
