import { apiRoute } from "@/lib/adapters/api-route";
import { deployApp } from "@/lib/deploys/deploy-app";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoute(deployApp);
