import { apiRoute } from "@/lib/adapters/api-route";
import { listTeams } from "@/lib/teams/list-teams";
import { createTeam } from "@/lib/teams/create-team";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoute(listTeams, createTeam);
