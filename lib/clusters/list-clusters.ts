import { z } from "zod";
import { db } from "@/lib/db";
import { adminUseCase } from "@/lib/usecase/define";
import { noInput } from "@/lib/validation/wire";
import { platformCluster } from "@/lib/platform-cluster";
import { DEFAULT_CLUSTER_NAME, clusterSelect, clusterView, viewOfCluster, type ClusterView } from "./cluster.types";

/** The built-in default cluster (when one is configured) and every registered one. */
export const listClusters = adminUseCase({
  name: "listClusters",
  summary: "The clusters teams' environments can use: the built-in default and those registered (platform admins)",
  input: noInput,
  output: z.object({ clusters: z.array(clusterView) }),
  route: { method: "GET", path: "/admin/clusters" },
  async run() {
    const rows = await db().cluster.findMany({ select: clusterSelect, orderBy: { name: "asc" } });
    const builtIn = platformCluster();
    const clusters: ClusterView[] = builtIn
      ? [{ name: DEFAULT_CLUSTER_NAME, server: builtIn.server, builtIn: true, hasCa: true, createdAt: null }]
      : [];
    return { clusters: [...clusters, ...rows.map(viewOfCluster)] };
  },
});
