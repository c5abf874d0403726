import { apiRoute } from "@/lib/adapters/api-route";
import { listUsers } from "@/lib/users/list-users";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoute(listUsers);
