/**
 * lib/k8s: everything Slipway does in Kubernetes. The rest of the app imports from
 * here only; @kubernetes/client-node stays inside this folder.
 */
export { PlatformClient, TeamClient, clientForToken, loadPlatformClient, platformClientForServer, type TeamRole } from "./client";
export { K8sError, hasClusterStatus, isK8sError, isTransientK8sError, toK8sError } from "./errors";
export {
  LABELS,
  buildDeployment,
  buildIngress,
  buildLimitRange,
  buildNamespace,
  buildResourceQuota,
  buildRoleBinding,
  buildService,
  buildServiceAccount,
  type AppSpec,
  type TeamSpec,
} from "./manifests";
export { provisionTeam } from "./provision";
export { teamClient, teamToken, type TeamToken } from "./tokens";
export { applyRelease, type AppliedRelease, type SupersededApply } from "./apply";
export { applySecretValue, removeSecretValue } from "./secrets";
export { rolloutStatus, type DeploymentLike, type RolloutStatus } from "./rollout";
export { findRolloutBlocker, rolloutBlocker } from "./rollout-blockers";
export { watchRollout } from "./watch-rollout";
export { appView, readApp, readLogTails, type AppObjects } from "./read";
export { followPodLog, readLogPod, readPodLog, type LogSink, type PodLogTarget } from "./pod-logs";
export { restartDeployment, scaleDeployment } from "./deployment-actions";
export { personServiceAccountName, personToken, revokePersonAccess } from "./person-access";
export { appHealth, type AppHealth, type HealthState } from "./app-health";
export { appDrift, type DriftChange, type LiveObjects } from "./app-drift";
export { closeNamespaceCaches, namespaceCache, type CachedKind, type NamespaceCache, type RawObject } from "./namespace-cache";
export { checkCluster, SLIPWAY_ADMISSION_POLICIES, type ClusterCheck } from "./cluster-check";
