import { apiRoute } from "@/lib/adapters/api-route";
import { unlinkUserIdentity } from "@/lib/users/unlink-user-identity";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoute(unlinkUserIdentity);
