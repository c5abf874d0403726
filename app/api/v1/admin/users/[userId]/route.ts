import { apiRoute } from "@/lib/adapters/api-route";
import { setUserDisabled } from "@/lib/users/set-user-disabled";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoute(setUserDisabled);
