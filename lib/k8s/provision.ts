/**
 * Team provisioning with the platform credential: the namespace, one
 * ServiceAccount + RoleBinding per Slipway role, a ResourceQuota and a LimitRange.
 * Server-side apply makes it idempotent: running it again with the same input
 * changes nothing (same resourceVersions).
 */
import type { PlatformClient, TeamRole } from "./client";
import { buildLimitRange, buildNamespace, buildResourceQuota, buildRoleBinding, buildServiceAccount, type TeamSpec } from "./manifests";
import { APPLY_PARAMS, applyPatchOptions } from "./ssa";

export type ProvisionResult = {
  namespace: string;
  /** "Kind/name" -> resourceVersion after the apply. */
  resourceVersions: Record<string, string>;
};

const ROLES: TeamRole[] = ["deployer", "viewer"];

export async function provisionTeam(platform: PlatformClient, team: TeamSpec): Promise<ProvisionResult> {
  const namespace = team.namespace;
  const versions: Record<string, string> = {};
  const record = (kind: string, object: { metadata?: { name?: string; resourceVersion?: string } }) => {
    versions[`${kind}/${object.metadata?.name}`] = object.metadata?.resourceVersion ?? "";
  };

  const ns = buildNamespace(team);
  record(
    "Namespace",
    await platform.call({ verb: "apply", kind: "Namespace", name: namespace }, () =>
      platform.core.patchNamespace({ name: namespace, body: ns, ...APPLY_PARAMS }, applyPatchOptions()),
    ),
  );

  // Everything else lives in the namespace and can go in parallel.
  const inNamespace = { namespace };
  await Promise.all([
    ...ROLES.map(async (role) => {
      const sa = buildServiceAccount(team, role);
      const name = sa.metadata!.name!;
      record(
        "ServiceAccount",
        await platform.call({ verb: "apply", kind: "ServiceAccount", name, ...inNamespace }, () =>
          platform.core.patchNamespacedServiceAccount({ name, namespace, body: sa, ...APPLY_PARAMS }, applyPatchOptions()),
        ),
      );
    }),
    ...ROLES.map(async (role) => {
      const binding = buildRoleBinding(team, role);
      const name = binding.metadata!.name!;
      record(
        "RoleBinding",
        await platform.call({ verb: "apply", kind: "RoleBinding", name, ...inNamespace }, () =>
          platform.rbac.patchNamespacedRoleBinding({ name, namespace, body: binding, ...APPLY_PARAMS }, applyPatchOptions()),
        ),
      );
    }),
    (async () => {
      const quota = buildResourceQuota(team);
      const name = quota.metadata!.name!;
      record(
        "ResourceQuota",
        await platform.call({ verb: "apply", kind: "ResourceQuota", name, ...inNamespace }, () =>
          platform.core.patchNamespacedResourceQuota({ name, namespace, body: quota, ...APPLY_PARAMS }, applyPatchOptions()),
        ),
      );
    })(),
    (async () => {
      const limits = buildLimitRange(team);
      const name = limits.metadata.name;
      record(
        "LimitRange",
        await platform.call({ verb: "apply", kind: "LimitRange", name, ...inNamespace }, () =>
          platform.core.patchNamespacedLimitRange({ name, namespace, body: limits, ...APPLY_PARAMS }, applyPatchOptions()),
        ),
      );
    })(),
  ]);
  return { namespace, resourceVersions: versions };
}
