import { apiRoute } from "@/lib/adapters/api-route";
import { startCliLogin } from "@/lib/cli-login/start-cli-login";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoute(startCliLogin);
