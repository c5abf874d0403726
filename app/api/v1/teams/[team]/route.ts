import { apiRoute } from "@/lib/adapters/api-route";
import { getTeam } from "@/lib/teams/get-team";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoute(getTeam);
