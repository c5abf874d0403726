/**
 * Every /api/v1 operation, for what is generated from them: the OpenAPI document
 * and the authorization matrix (tests/integration/authz-matrix.test.ts). A unit test
 * checks that this list and the route files under app/api/v1 agree.
 */
import { approveAccessRequest } from "@/lib/access/approve-access-request";
import { countPendingApprovals } from "@/lib/access/count-pending-approvals";
import { denyAccessRequest } from "@/lib/access/deny-access-request";
import { getAccessSettings } from "@/lib/access/get-access-settings";
import { listAccessRequests } from "@/lib/access/list-access-requests";
import { requestAccess } from "@/lib/access/request-access";
import { setAccessSettings } from "@/lib/access/set-access-settings";
import { applyAppSpec } from "@/lib/apps/apply-app-spec";
import { archiveApp } from "@/lib/apps/archive-app";
import { unarchiveApp } from "@/lib/apps/unarchive-app";
import { createApp } from "@/lib/apps/create-app";
import { exportAppSpec } from "@/lib/apps/export-app-spec";
import { getApp } from "@/lib/apps/get-app";
import { listApps } from "@/lib/apps/list-apps";
import { listAppsLive } from "@/lib/apps/list-apps-live";
import { readAppStatus } from "@/lib/apps/read-app-status";
import { streamAppLive } from "@/lib/apps/stream-app-live";
import { streamAppLogs } from "@/lib/apps/stream-app-logs";
import { downloadAppLogs } from "@/lib/apps/download-app-logs";
import { restartApp } from "@/lib/apps/restart-app";
import { scaleApp } from "@/lib/apps/scale-app";
import { updateApp } from "@/lib/apps/update-app";
import { approveCliLogin } from "@/lib/cli-login/approve-cli-login";
import { collectCliLogin } from "@/lib/cli-login/collect-cli-login";
import { getCliLogin } from "@/lib/cli-login/get-cli-login";
import { startCliLogin } from "@/lib/cli-login/start-cli-login";
import { checkAuditChain } from "@/lib/audit/check-audit-chain";
import { exportAuditEvents } from "@/lib/audit/export-audit-events";
import { listAuditEvents } from "@/lib/audit/list-audit-events";
import { getDashboard } from "@/lib/dashboard/get-dashboard";
import { deployApp } from "@/lib/deploys/deploy-app";
import { getRelease } from "@/lib/deploys/get-release";
import { listReleases } from "@/lib/deploys/list-releases";
import { reapplyRelease } from "@/lib/deploys/reapply-release";
import { rollbackRelease } from "@/lib/deploys/rollback-release";
import { streamReleaseEvents } from "@/lib/deploys/stream-release-events";
import { issueKubeToken } from "@/lib/kube-access/issue-kube-token";
import { issueKubeconfig } from "@/lib/kube-access/issue-kubeconfig";
import { addMember } from "@/lib/members/add-member";
import { changeMemberRole } from "@/lib/members/change-member-role";
import { listMembers } from "@/lib/members/list-members";
import { removeMember } from "@/lib/members/remove-member";
import { createTeam } from "@/lib/teams/create-team";
import { getTeam } from "@/lib/teams/get-team";
import { listTeams } from "@/lib/teams/list-teams";
import { reprovisionTeam } from "@/lib/teams/reprovision-team";
import { createApiToken } from "@/lib/tokens/create-api-token";
import { listApiTokens } from "@/lib/tokens/list-api-tokens";
import { revokeApiToken } from "@/lib/tokens/revoke-api-token";
import { listSecrets } from "@/lib/secrets/list-secrets";
import { setSecret } from "@/lib/secrets/set-secret";
import { unsetSecret } from "@/lib/secrets/unset-secret";
import type { AnyUseCase, Routed } from "@/lib/usecase/define";
import { checkCluster } from "@/lib/clusters/check-cluster";
import { listClusters } from "@/lib/clusters/list-clusters";
import { registerCluster } from "@/lib/clusters/register-cluster";
import { createEnvironment } from "@/lib/teams/create-environment";
import { listEnvironments } from "@/lib/environments/list-environments";
import { getAppEnvironments } from "@/lib/apps/get-app-environments";
import { promoteRelease } from "@/lib/deploys/promote-release";
import { getPromotions } from "@/lib/deploys/get-promotions";
import { approveRelease } from "@/lib/deploys/approve-release";
import { rejectRelease } from "@/lib/deploys/reject-release";
import { updateEnvironment } from "@/lib/environments/update-environment";
import { getMe } from "@/lib/users/get-me";
import { listUsers } from "@/lib/users/list-users";
import { setUserDisabled } from "@/lib/users/set-user-disabled";
import { unlinkUserIdentity } from "@/lib/users/unlink-user-identity";
import { createWebhook } from "@/lib/webhooks/create-webhook";
import { deleteWebhook } from "@/lib/webhooks/delete-webhook";
import { listWebhookDeliveries } from "@/lib/webhooks/list-webhook-deliveries";
import { listWebhooks } from "@/lib/webhooks/list-webhooks";
import { redeliverWebhook } from "@/lib/webhooks/redeliver-webhook";
import { rotateWebhookSecret } from "@/lib/webhooks/rotate-webhook-secret";
import { updateWebhook } from "@/lib/webhooks/update-webhook";

export const OPERATIONS: readonly Routed<AnyUseCase>[] = [
  getMe,
  listUsers,
  setUserDisabled,
  unlinkUserIdentity,
  listTeams,
  createTeam,
  getTeam,
  reprovisionTeam,
  listMembers,
  addMember,
  changeMemberRole,
  removeMember,
  issueKubeconfig,
  issueKubeToken,
  listApps,
  listAppsLive,
  createApp,
  applyAppSpec,
  getApp,
  updateApp,
  archiveApp,
  unarchiveApp,
  exportAppSpec,
  readAppStatus,
  streamAppLive,
  streamAppLogs,
  downloadAppLogs,
  restartApp,
  scaleApp,
  deployApp,
  rollbackRelease,
  reapplyRelease,
  listReleases,
  getRelease,
  streamReleaseEvents,
  listApiTokens,
  createApiToken,
  revokeApiToken,
  startCliLogin,
  collectCliLogin,
  getCliLogin,
  approveCliLogin,
  listAuditEvents,
  exportAuditEvents,
  checkAuditChain,
  getDashboard,
  listWebhooks,
  createWebhook,
  updateWebhook,
  deleteWebhook,
  rotateWebhookSecret,
  listWebhookDeliveries,
  redeliverWebhook,
  listClusters,
  registerCluster,
  checkCluster,
  listEnvironments,
  createEnvironment,
  getAppEnvironments,
  listSecrets,
  setSecret,
  unsetSecret,
  requestAccess,
  listAccessRequests,
  approveAccessRequest,
  denyAccessRequest,
  getAccessSettings,
  setAccessSettings,
  countPendingApprovals,
  promoteRelease,
  approveRelease,
  rejectRelease,
  updateEnvironment,
  getPromotions,
];
