import { apiRoute } from "@/lib/adapters/api-route";
import { listClusters } from "@/lib/clusters/list-clusters";
import { registerCluster } from "@/lib/clusters/register-cluster";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoute(listClusters, registerCluster);
