import { apiRoute } from "@/lib/adapters/api-route";
import { issueKubeconfig } from "@/lib/kube-access/issue-kubeconfig";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoute(issueKubeconfig);
