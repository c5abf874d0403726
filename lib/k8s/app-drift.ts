/**
 * Drift: the live Deployment, Service and Ingress against what the current release
 * applied (the same builders, lib/k8s/manifests.ts), field by field: image, replicas,
 * env, resources, container port, Service type and ports, host. Pure; the objects are
 * the namespace cache's (wire format).
 */
import { buildDeployment, buildIngress, buildService, containerResources, type AppSpec } from "./manifests";

export type DriftChange = { field: string; expected: string | null; live: string | null };

type Container = {
  name?: string;
  image?: string;
  env?: { name: string; value?: string; valueFrom?: { secretKeyRef?: { key?: string } } }[];
  ports?: { containerPort?: number }[];
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
};
type LiveDeployment = { spec?: { replicas?: number; template?: { spec?: { containers?: Container[] } } } };
type LiveService = { spec?: { type?: string; ports?: { port?: number; nodePort?: number }[]; externalIPs?: string[] } };
type LiveIngress = { spec?: { rules?: { host?: string }[] } };

export type LiveObjects = { deployment?: LiveDeployment; service?: LiveService; ingress?: LiveIngress };

const text = (value: unknown): string | null => (value === undefined || value === null ? null : String(value));

export function appDrift(app: AppSpec, live: LiveObjects): DriftChange[] {
  const changes: DriftChange[] = [];
  const compare = (field: string, expected: unknown, actual: unknown) => {
    if (text(expected) !== text(actual)) changes.push({ field, expected: text(expected), live: text(actual) });
  };
  const release = { id: "x", sequence: 0 };

  if (!live.deployment) {
    changes.push({ field: "deployment", expected: "present", live: null });
  } else {
    const want = buildDeployment(app, release).spec!.template.spec!.containers[0]!;
    const containers = live.deployment.spec?.template?.spec?.containers ?? [];
    const have = containers.find((c) => c.name === app.name) ?? containers[0] ?? {};
    compare("replicas", app.replicas, live.deployment.spec?.replicas);
    compare("image", want.image, have.image);
    compare("port", app.containerPort, have.ports?.[0]?.containerPort);
    const liveEnv = new Map((have.env ?? []).filter((v) => !v.valueFrom).map((v) => [v.name, v.value ?? ""]));
    const wantEnv = new Map(app.env.map((v) => [v.name, v.value]));
    for (const name of [...new Set([...wantEnv.keys(), ...liveEnv.keys()])].sort())
      compare(`env.${name}`, wantEnv.get(name), liveEnv.get(name));
    // Secrets by reference only: whether the variable comes from the app's Secret (values are never read).
    const liveSecrets = new Set((have.env ?? []).filter((v) => v.valueFrom?.secretKeyRef).map((v) => v.name));
    const wantSecrets = new Set((app.secrets ?? []).map((s) => s.name));
    for (const name of [...new Set([...wantSecrets, ...liveSecrets])].sort())
      compare(`secret.${name}`, wantSecrets.has(name) ? "from secret" : null, liveSecrets.has(name) ? "from secret" : null);
    const wantResources = containerResources(app.resources);
    for (const kind of ["requests", "limits"] as const) {
      for (const resource of ["cpu", "memory"]) {
        // Unset in the spec: the namespace's LimitRange default fills it in, which is not drift.
        if (wantResources[kind][resource] === undefined) continue;
        compare(`resources.${kind}.${resource}`, wantResources[kind][resource], have.resources?.[kind]?.[resource]);
      }
    }
  }

  const service = buildService(app, release);
  if (!live.service) changes.push({ field: "service", expected: "present", live: null });
  else {
    compare("service.type", service.spec!.type, live.service.spec?.type ?? "ClusterIP");
    compare("service.port", service.spec!.ports![0]!.port, live.service.spec?.ports?.[0]?.port);
    if (live.service.spec?.externalIPs?.length) compare("service.externalIPs", null, live.service.spec.externalIPs.join(","));
  }

  const hostOf = (ingress: LiveIngress | undefined) => ingress?.spec?.rules?.[0]?.host;
  compare("host", hostOf(buildIngress(app, release)), hostOf(live.ingress));
  return changes;
}
