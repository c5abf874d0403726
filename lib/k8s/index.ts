/**
 * lib/k8s: everything Slipway does in Kubernetes. The rest of the app imports from
 * here only; @kubernetes/client-node stays inside this folder.
 */
export { DEFAULT_TIMEOUT_MS, KubeClient, PlatformClient, TeamClient, clientForToken, loadPlatformClient, type TeamRole } from "./client";
export {
  K8sError,
  hasClusterStatus,
  isK8sError,
  isTransientK8sError,
  toK8sError,
  type K8sCallContext,
  type K8sErrorReason,
} from "./errors";
export {
  DEFAULT_PROGRESS_DEADLINE_SECONDS,
  DEFAULT_QUOTA,
  FIELD_MANAGER,
  INGRESS_DOMAINS_ANNOTATION,
  LABELS,
  TEAM_ROLES,
  buildDeployment,
  buildIngress,
  buildLimitRange,
  buildNamespace,
  buildResourceQuota,
  buildRoleBinding,
  buildService,
  buildServiceAccount,
  type AppSpec,
  type ReleaseRef,
  type TeamSpec,
} from "./manifests";
export { provisionTeam, type ProvisionResult } from "./provision";
export { DEFAULT_TOKEN_SECONDS, forgetTeamToken, teamClient, teamToken, type TeamToken } from "./tokens";
export { applyRelease, type AppliedRelease, type ApplyReleaseInput } from "./apply";
export { rolloutStatus, type DeploymentLike, type RolloutReason, type RolloutStatus } from "./rollout";
export { findRolloutBlocker, rolloutBlocker } from "./rollout-blockers";
export { watchRollout, type WatchRolloutOptions } from "./watch-rollout";
export { readApp, type AppView, type EventSummary, type LogTail, type PodSummary, type ReadAppOptions } from "./read";
export { RESTARTED_AT_ANNOTATION, restartDeployment, scaleDeployment } from "./deployment-actions";
export { personServiceAccountName, personToken, revokePersonAccess, type PersonAccess } from "./person-access";
