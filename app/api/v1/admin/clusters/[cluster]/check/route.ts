import { apiRoute } from "@/lib/adapters/api-route";
import { checkCluster } from "@/lib/clusters/check-cluster";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoute(checkCluster);
