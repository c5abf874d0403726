import { z } from "zod";
import { adminUseCase } from "@/lib/usecase/define";
import { checkCluster as checkClusterNow } from "@/lib/k8s";
import { platformClusterFor } from "@/lib/platform-cluster";
import { clusterCheckView } from "./cluster.types";
import { findClusterId } from "./find-cluster";

/**
 * Checks a cluster with the platform credential: reachable and its version, the
 * platform role's rights, Slipway's admission policies. A read: nothing is audited.
 */
export const checkCluster = adminUseCase({
  name: "checkCluster",
  summary: "Check a cluster: reachable, version, the platform role bound, Slipway's admission policies installed (platform admins)",
  input: z.object({ cluster: z.string() }),
  output: clusterCheckView,
  route: { method: "POST", path: "/admin/clusters/{cluster}/check" },
  async run({ input }) {
    const found = await findClusterId(input.cluster);
    const platform = await platformClusterFor(found.id);
    if (!platform) {
      return {
        cluster: found.name,
        reachable: false,
        version: null,
        platformRole: null,
        admissionPolicies: null,
        problems: ["No default cluster is configured (set SLIPWAY_KUBECONFIG, or run `npm run cluster -- up`)."],
      };
    }
    return { cluster: found.name, ...(await checkClusterNow(platform)) };
  },
});
