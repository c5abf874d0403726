/** Points Slipway's platform credential at the test control plane, with short rollout deadlines. */
import { inject } from "vitest";

process.env.SLIPWAY_KUBECONFIG = inject("cluster").platformKubeconfig;
process.env.SLIPWAY_PROGRESS_DEADLINE_SECONDS = "8";
