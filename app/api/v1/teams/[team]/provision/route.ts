import { apiRoute } from "@/lib/adapters/api-route";
import { reprovisionTeam } from "@/lib/teams/reprovision-team";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoute(reprovisionTeam);
