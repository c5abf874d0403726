import { apiRoute } from "@/lib/adapters/api-route";
import { approveCliLogin } from "@/lib/cli-login/approve-cli-login";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoute(approveCliLogin);
