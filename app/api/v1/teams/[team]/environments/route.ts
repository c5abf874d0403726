import { apiRoute } from "@/lib/adapters/api-route";
import { createEnvironment } from "@/lib/teams/create-environment";
import { listEnvironments } from "@/lib/environments/list-environments";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoute(listEnvironments, createEnvironment);
