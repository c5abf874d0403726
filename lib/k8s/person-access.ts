/**
 * kubectl access for one person: a ServiceAccount of their own in the team namespace,
 * bound to the team ClusterRole of their Slipway role. Tokens issued for it die with
 * it, so removing someone from the team (or changing their role) revokes a kubeconfig
 * they downloaded, instead of leaving it valid until it expires.
 */
import { createHash } from "node:crypto";
import type { V1RoleBinding, V1ServiceAccount } from "@kubernetes/client-node";
import type { PlatformClient, TeamRole } from "./client";
import { hasClusterStatus } from "./errors";
import { LABELS, TEAM_ROLES } from "./manifests";
import { APPLY_PARAMS, applyPatchOptions } from "./ssa";
import { serviceAccountToken, type TeamToken } from "./tokens";

export type PersonAccess = { team: string; namespace: string; personId: string; role: TeamRole };

/** Stable, DNS-safe, and not the person's email. */
export function personServiceAccountName(personId: string): string {
  return `slipway-person-${createHash("sha256").update(personId).digest("hex").slice(0, 16)}`;
}

export function buildPersonServiceAccount(access: PersonAccess): V1ServiceAccount {
  return {
    apiVersion: "v1",
    kind: "ServiceAccount",
    metadata: {
      name: personServiceAccountName(access.personId),
      namespace: access.namespace,
      labels: { [LABELS.managedBy]: "slipway", [LABELS.team]: access.team },
    },
    automountServiceAccountToken: false,
  };
}

export function buildPersonRoleBinding(access: PersonAccess): V1RoleBinding {
  const name = personServiceAccountName(access.personId);
  return {
    apiVersion: "rbac.authorization.k8s.io/v1",
    kind: "RoleBinding",
    metadata: { name, namespace: access.namespace, labels: { [LABELS.managedBy]: "slipway", [LABELS.team]: access.team } },
    roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: TEAM_ROLES[access.role].clusterRole },
    subjects: [{ kind: "ServiceAccount", name, namespace: access.namespace }],
  };
}

/** Applies the person's account and binding (idempotent) and mints a token for it. */
export async function personToken(platform: PlatformClient, access: PersonAccess, expirationSeconds: number): Promise<TeamToken> {
  const { namespace } = access;
  const name = personServiceAccountName(access.personId);
  const where = { name, namespace };
  // The role may have changed since the last kubeconfig: a RoleBinding's roleRef is
  // immutable, so a binding to another role is replaced.
  const existing = await platform
    .call({ verb: "get", kind: "RoleBinding", ...where }, () => platform.rbac.readNamespacedRoleBinding(where))
    .catch((e: unknown) => (hasClusterStatus(e, 404) ? null : Promise.reject(e)));
  if (existing && existing.roleRef.name !== TEAM_ROLES[access.role].clusterRole) {
    await platform.call({ verb: "delete", kind: "RoleBinding", ...where }, () => platform.rbac.deleteNamespacedRoleBinding(where));
  }
  await platform.call({ verb: "apply", kind: "ServiceAccount", ...where }, () =>
    platform.core.patchNamespacedServiceAccount(
      { ...where, body: buildPersonServiceAccount(access), ...APPLY_PARAMS },
      applyPatchOptions(),
    ),
  );
  await platform.call({ verb: "apply", kind: "RoleBinding", ...where }, () =>
    platform.rbac.patchNamespacedRoleBinding({ ...where, body: buildPersonRoleBinding(access), ...APPLY_PARAMS }, applyPatchOptions()),
  );
  return serviceAccountToken(platform, namespace, name, expirationSeconds);
}

/** Deletes the person's account and binding; their tokens stop working. Absent is fine. */
export async function revokePersonAccess(platform: PlatformClient, namespace: string, personId: string): Promise<{ revoked: boolean }> {
  const where = { name: personServiceAccountName(personId), namespace };
  const ignoreMissing = (e: unknown) => (hasClusterStatus(e, 404) ? false : Promise.reject(e));
  const [account] = await Promise.all([
    platform
      .call({ verb: "delete", kind: "ServiceAccount", ...where }, () => platform.core.deleteNamespacedServiceAccount(where))
      .then(() => true, ignoreMissing),
    platform
      .call({ verb: "delete", kind: "RoleBinding", ...where }, () => platform.rbac.deleteNamespacedRoleBinding(where))
      .then(() => true, ignoreMissing),
  ]);
  return { revoked: account };
}
