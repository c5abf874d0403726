/**
 * What an admin needs to know about a cluster before teams use it, asked with the
 * platform credential itself: can Slipway reach it (and which version answers), does
 * the credential hold the slipway-platform rights (SelfSubjectAccessReview for each
 * thing provisioning does), and are Slipway's admission policies installed.
 */
import type { PlatformClient } from "./client";
import { isK8sError, toK8sError } from "./errors";

/** The ValidatingAdmissionPolicies of deploy/admission-policies.yaml (a unit test keeps the two in step). */
export const SLIPWAY_ADMISSION_POLICIES = [
  "slipway-replicas",
  "slipway-service-accounts",
  "slipway-service-exposure",
  "slipway-ingress-hosts",
  "slipway-configured-limits",
] as const;

/** The platform role's rights that provisioning and token minting use, in words for the report. */
const PLATFORM_RIGHTS = [
  { words: "create namespaces", attributes: { verb: "create", resource: "namespaces" } },
  { words: "create ServiceAccounts", attributes: { verb: "create", resource: "serviceaccounts" } },
  { words: "create ServiceAccount tokens", attributes: { verb: "create", resource: "serviceaccounts", subresource: "token" } },
  { words: "create RoleBindings", attributes: { verb: "create", resource: "rolebindings", group: "rbac.authorization.k8s.io" } },
  {
    words: "bind ClusterRole slipway-team-deployer",
    attributes: { verb: "bind", resource: "clusterroles", group: "rbac.authorization.k8s.io", name: "slipway-team-deployer" },
  },
  {
    words: "bind ClusterRole slipway-team-viewer",
    attributes: { verb: "bind", resource: "clusterroles", group: "rbac.authorization.k8s.io", name: "slipway-team-viewer" },
  },
] as const;

export type ClusterCheck = {
  reachable: boolean;
  version: string | null;
  platformRole: { bound: boolean; missing: string[] } | null;
  admissionPolicies: { installed: string[]; missing: string[]; unknown: string[] } | null;
  /** Everything above in one sentence per problem; empty when all is well. */
  problems: string[];
};

export async function checkCluster(platform: PlatformClient): Promise<ClusterCheck> {
  let version: string;
  try {
    const info = await platform.call({ verb: "read the version of", kind: "cluster" }, () => platform.version.getCode());
    version = info.gitVersion;
  } catch (error) {
    const failure = toK8sError(error, {});
    const unreachable = failure.clusterStatus === undefined;
    return {
      reachable: !unreachable,
      version: null,
      platformRole: null,
      admissionPolicies: null,
      problems: [
        unreachable
          ? `The cluster at ${platform.server} is not reachable: ${failure.message}`
          : `The cluster at ${platform.server} refused the platform credential: ${failure.message}`,
      ],
    };
  }
  const [platformRole, admissionPolicies] = await Promise.all([platformRights(platform), policies(platform)]);
  const problems: string[] = [];
  if (platformRole.missing.length > 0) problems.push(`The platform credential may not ${platformRole.missing.join(", ")}.`);
  if (admissionPolicies.missing.length > 0) problems.push(`Admission policies not installed: ${admissionPolicies.missing.join(", ")}.`);
  if (admissionPolicies.unknown.length > 0)
    problems.push(`Could not read admission policies ${admissionPolicies.unknown.join(", ")} (the platform role lacks get on them).`);
  return { reachable: true, version, platformRole, admissionPolicies, problems };
}

async function platformRights(platform: PlatformClient) {
  const answers: (string | null)[] = await Promise.all(
    PLATFORM_RIGHTS.map(async (right) => {
      const review = await platform.call({ verb: "review access in", kind: "SelfSubjectAccessReview" }, () =>
        platform.authorization.createSelfSubjectAccessReview({
          body: { apiVersion: "authorization.k8s.io/v1", kind: "SelfSubjectAccessReview", spec: { resourceAttributes: right.attributes } },
        }),
      );
      return review.status?.allowed ? null : (right.words as string);
    }),
  );
  const missing = answers.filter((words): words is string => words !== null);
  return { bound: missing.length === 0, missing };
}

async function policies(platform: PlatformClient) {
  const installed: string[] = [];
  const missing: string[] = [];
  const unknown: string[] = [];
  await Promise.all(
    SLIPWAY_ADMISSION_POLICIES.map(async (name) => {
      try {
        await platform.call({ verb: "read", kind: "ValidatingAdmissionPolicy", name }, () =>
          platform.admission.readValidatingAdmissionPolicy({ name }),
        );
        installed.push(name);
      } catch (error) {
        if (isK8sError(error) && error.clusterStatus === 404) missing.push(name);
        else unknown.push(name);
      }
    }),
  );
  const byName = (a: string, b: string) => a.localeCompare(b);
  return { installed: installed.sort(byName), missing: missing.sort(byName), unknown: unknown.sort(byName) };
}
