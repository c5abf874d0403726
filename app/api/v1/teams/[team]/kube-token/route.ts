import { apiRoute } from "@/lib/adapters/api-route";
import { issueKubeToken } from "@/lib/kube-access/issue-kube-token";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoute(issueKubeToken);
