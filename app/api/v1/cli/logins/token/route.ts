import { apiRoute } from "@/lib/adapters/api-route";
import { collectCliLogin } from "@/lib/cli-login/collect-cli-login";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoute(collectCliLogin);
