import { apiRoute } from "@/lib/adapters/api-route";
import { getMe } from "@/lib/users/get-me";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoute(getMe);
