import { apiRoute } from "@/lib/adapters/api-route";
import { getCliLogin } from "@/lib/cli-login/get-cli-login";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoute(getCliLogin);
