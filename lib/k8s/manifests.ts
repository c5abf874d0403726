/**
 * Pure manifest builders: what Slipway applies, readable (and unit-tested) without
 * a cluster. They return the wire format, sent to the API server unchanged. Everything Slipway owns carries `app.kubernetes.io/managed-by: slipway`
 * and the team label; app objects also carry the app and the release that last
 * applied them.
 */
import type {
  V1Deployment,
  V1EnvVar,
  V1Ingress,
  V1Namespace,
  V1ResourceQuota,
  V1RoleBinding,
  V1Service,
  V1ServiceAccount,
} from "@kubernetes/client-node";
import { createHash } from "node:crypto";
import { AppError } from "@/lib/errors";
import type { TeamRole } from "./client";

export const FIELD_MANAGER = "slipway";

export const LABELS = {
  name: "app.kubernetes.io/name",
  managedBy: "app.kubernetes.io/managed-by",
  team: "slipway.dev/team",
  app: "slipway.dev/app",
  release: "slipway.dev/release",
} as const;

export const RELEASE_SEQUENCE_ANNOTATION = "slipway.dev/release-sequence";
/** On the pod template: a hash of the secret names and versions (never values), so a changed secret restarts the pods. */
export const SECRETS_HASH_ANNOTATION = "slipway.dev/secrets-hash";
/** On a team Namespace: comma-separated domains its Ingress hosts must be under (the slipway-ingress-hosts policy reads it). */
export const INGRESS_DOMAINS_ANNOTATION = "slipway.dev/ingress-domains";

/** The ServiceAccount (and RoleBinding) name for each role, and the ClusterRole it is bound to. */
export const TEAM_ROLES: Record<TeamRole, { serviceAccount: string; clusterRole: string }> = {
  deployer: { serviceAccount: "slipway-deployer", clusterRole: "slipway-team-deployer" },
  viewer: { serviceAccount: "slipway-viewer", clusterRole: "slipway-team-viewer" },
};

export type ResourceAmounts = { cpu?: string; memory?: string };

export type AppSpec = {
  team: string;
  namespace: string;
  name: string;
  /** A full image reference: repository plus tag or digest. */
  image: string;
  containerPort: number;
  replicas: number;
  env: { name: string; value: string }[];
  /** Secret names and the versions this release runs with; the values are in the app's Secret. */
  secrets?: SecretRef[];
  resources: { requests?: ResourceAmounts; limits?: ResourceAmounts };
  healthCheckPath?: string;
  host?: string;
};

export type SecretRef = { name: string; version: number };

/** The one Secret per app that holds its secret values. */
export function appSecretName(app: string): string {
  return `${app}-slipway-secrets`;
}

/** Changes when any secret's version does (or one is added or removed); empty when the app has none. */
export function secretsHash(secrets: SecretRef[]): string {
  if (secrets.length === 0) return "";
  const canonical = [...secrets]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((s) => `${s.name}=${s.version}`)
    .join("\n");
  return createHash("sha256").update(canonical).digest("hex").slice(0, 32);
}

export type ReleaseRef = { id: string; sequence: number };

export type TeamSpec = {
  slug: string;
  namespace: string;
  /** Domains the team's Ingress hosts must be under (lib/teams/ingress-domains.ts). */
  ingressDomains: string[];
  /** ResourceQuota `hard` entries, merged over DEFAULT_QUOTA. */
  quota?: Record<string, string>;
};

export const DEFAULT_QUOTA: Record<string, string> = {
  pods: "50",
  "requests.cpu": "8",
  "requests.memory": "16Gi",
  "limits.cpu": "16",
  "limits.memory": "32Gi",
};

/** Container defaults when an app names no resources, so the quota can account for it. */
export const DEFAULT_CONTAINER_RESOURCES = {
  defaultRequest: { cpu: "100m", memory: "128Mi" },
  default: { cpu: "500m", memory: "512Mi" },
};

export const DEFAULT_PROGRESS_DEADLINE_SECONDS = 300;

const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

function labelValue(field: string, value: string): string {
  if (value.length > 63 || !LABEL_VALUE.test(value)) {
    throw new AppError("INVALID_INPUT", `${field} "${value}" cannot be used as a Kubernetes label value.`);
  }
  return value;
}

function teamLabels(slug: string): Record<string, string> {
  return { [LABELS.managedBy]: FIELD_MANAGER, [LABELS.team]: labelValue("team", slug) };
}

// ---- Team -----------------------------------------------------------------

export function buildNamespace(team: TeamSpec): V1Namespace {
  return {
    apiVersion: "v1",
    kind: "Namespace",
    metadata: {
      name: team.namespace,
      // Pod Security "baseline" stops privileged pods even if a deploy gets through.
      // The team label also puts the namespace under deploy/admission-policies.yaml.
      labels: { ...teamLabels(team.slug), "pod-security.kubernetes.io/enforce": "baseline" },
      annotations: { [INGRESS_DOMAINS_ANNOTATION]: team.ingressDomains.join(",") },
    },
  };
}

export function buildServiceAccount(team: TeamSpec, role: TeamRole): V1ServiceAccount {
  return {
    apiVersion: "v1",
    kind: "ServiceAccount",
    metadata: { name: TEAM_ROLES[role].serviceAccount, namespace: team.namespace, labels: teamLabels(team.slug) },
    // Tokens come from the TokenRequest API; nothing needs one mounted.
    automountServiceAccountToken: false,
  };
}

export function buildRoleBinding(team: TeamSpec, role: TeamRole): V1RoleBinding {
  const { serviceAccount, clusterRole } = TEAM_ROLES[role];
  return {
    apiVersion: "rbac.authorization.k8s.io/v1",
    kind: "RoleBinding",
    metadata: { name: serviceAccount, namespace: team.namespace, labels: teamLabels(team.slug) },
    // A RoleBinding to a ClusterRole grants its rules in this namespace only.
    roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: clusterRole },
    subjects: [{ kind: "ServiceAccount", name: serviceAccount, namespace: team.namespace }],
  };
}

export function buildResourceQuota(team: TeamSpec): V1ResourceQuota {
  return {
    apiVersion: "v1",
    kind: "ResourceQuota",
    metadata: { name: "slipway", namespace: team.namespace, labels: teamLabels(team.slug) },
    spec: { hard: { ...DEFAULT_QUOTA, ...team.quota } },
  };
}

/**
 * Typed by hand: the client's V1LimitRangeItem renames `default` to `_default`,
 * and apply bodies go to the server as written.
 */
export type LimitRangeManifest = {
  apiVersion: "v1";
  kind: "LimitRange";
  metadata: { name: string; namespace: string; labels: Record<string, string> };
  spec: { limits: { type: "Container"; default: ResourceAmounts; defaultRequest: ResourceAmounts }[] };
};

export function buildLimitRange(team: TeamSpec): LimitRangeManifest {
  return {
    apiVersion: "v1",
    kind: "LimitRange",
    metadata: { name: "slipway", namespace: team.namespace, labels: teamLabels(team.slug) },
    spec: { limits: [{ type: "Container", ...DEFAULT_CONTAINER_RESOURCES }] },
  };
}

// ---- App release ------------------------------------------------------------

export function appLabels(app: AppSpec, release: ReleaseRef): Record<string, string> {
  return {
    [LABELS.name]: app.name,
    ...teamLabels(app.team),
    [LABELS.app]: labelValue("app", app.name),
    [LABELS.release]: labelValue("release id", release.id),
  };
}

/** The Deployment selector: immutable, so it names the app only, never the release. */
export function appSelector(app: AppSpec): Record<string, string> {
  return { [LABELS.app]: app.name };
}

/**
 * Requests without a limit get the request as limit: otherwise the namespace's
 * LimitRange default limit (500m) could sit below the request and every pod
 * would be rejected.
 */
export function containerResources(resources: AppSpec["resources"]) {
  const requests = { ...resources.requests };
  const limits = { ...resources.limits };
  for (const key of ["cpu", "memory"] as const) {
    if (requests[key] && !limits[key]) limits[key] = requests[key];
  }
  const clean = (r: ResourceAmounts) =>
    Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined && v !== "")) as Record<string, string>;
  return { requests: clean(requests), limits: clean(limits) };
}

export function buildDeployment(app: AppSpec, release: ReleaseRef, options: { progressDeadlineSeconds?: number } = {}): V1Deployment {
  const labels = appLabels(app, release);
  const secrets = app.secrets ?? [];
  const env: V1EnvVar[] = [
    ...app.env.map(({ name, value }) => ({ name, value })),
    ...secrets.map(({ name }) => ({ name, valueFrom: { secretKeyRef: { name: appSecretName(app.name), key: name } } })),
  ];
  const hash = secretsHash(secrets);
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: {
      name: app.name,
      namespace: app.namespace,
      labels,
      annotations: { [RELEASE_SEQUENCE_ANNOTATION]: String(release.sequence) },
    },
    spec: {
      replicas: app.replicas,
      progressDeadlineSeconds: options.progressDeadlineSeconds ?? DEFAULT_PROGRESS_DEADLINE_SECONDS,
      revisionHistoryLimit: 5,
      selector: { matchLabels: appSelector(app) },
      template: {
        metadata: { labels, ...(hash ? { annotations: { [SECRETS_HASH_ANNOTATION]: hash } } : {}) },
        spec: {
          containers: [
            {
              name: app.name,
              image: app.image,
              ports: [{ name: "http", containerPort: app.containerPort, protocol: "TCP" }],
              env,
              resources: containerResources(app.resources),
              ...(app.healthCheckPath
                ? { readinessProbe: { httpGet: { path: app.healthCheckPath, port: "http" }, periodSeconds: 5 } }
                : {}),
            },
          ],
        },
      },
    },
  };
}

export function buildService(app: AppSpec, release: ReleaseRef): V1Service {
  return {
    apiVersion: "v1",
    kind: "Service",
    metadata: { name: app.name, namespace: app.namespace, labels: appLabels(app, release) },
    spec: {
      type: "ClusterIP",
      selector: appSelector(app),
      ports: [{ name: "http", port: 80, targetPort: "http", protocol: "TCP" }],
    },
  };
}

/** An Ingress only when the app has a host. */
export function buildIngress(app: AppSpec, release: ReleaseRef): V1Ingress | undefined {
  if (!app.host) return undefined;
  return {
    apiVersion: "networking.k8s.io/v1",
    kind: "Ingress",
    metadata: { name: app.name, namespace: app.namespace, labels: appLabels(app, release) },
    spec: {
      rules: [
        {
          host: app.host,
          http: {
            paths: [{ path: "/", pathType: "Prefix", backend: { service: { name: app.name, port: { name: "http" } } } }],
          },
        },
      ],
    },
  };
}
