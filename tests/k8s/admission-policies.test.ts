/**
 * deploy/admission-policies.yaml on the real control plane. Each limit is refused
 * through kubectl with a person's kubeconfig (their own ServiceAccount with deployer
 * rights, as a downloaded kubeconfig has), naming the limit; the allowed case passes;
 * Slipway's own release passes, and a release over a limit fails with the same words.
 */
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, test, vi } from "vitest";
import { stringify } from "yaml";
import {
  applyRelease,
  personServiceAccountName,
  personToken,
  provisionTeam,
  scaleDeployment,
  teamClient,
  type TeamClient,
} from "@/lib/k8s";
import { appSpec, expectClusterStatus, platform, uniqueTeam, expectApplied } from "./helpers";

const cluster = inject("cluster");
const team = uniqueTeam("vap");
const [domain] = team.ingressDomains as [string];
const personKubeconfig = path.join(cluster.dir, `${team.slug}-person.kubeconfig`);
let deployer: TeamClient;

type Outcome = { ok: boolean; out: string };

/**
 * Runs the built kubectl; never throws, so a refusal's text can be asserted. The person's
 * kubeconfig defaults to the team namespace; the objects sent name theirs.
 */
function kubectl(as: "person" | "admin", args: string[], input?: object): Promise<Outcome> {
  const kubeconfig = as === "person" ? personKubeconfig : cluster.adminKubeconfig;
  return new Promise((resolve) => {
    const child = execFile(
      path.join(cluster.binDir, "kubectl"),
      [`--kubeconfig=${kubeconfig}`, ...args],
      { timeout: 30_000 },
      (error, stdout, stderr) => resolve({ ok: !error, out: `${stdout}${stderr}` }),
    );
    child.stdin?.end(input === undefined ? undefined : JSON.stringify(input));
  });
}

const apply = (as: "person" | "admin", object: object) => kubectl(as, ["apply", "-f", "-"], object);

function refused(outcome: Outcome, policy: string, message: string) {
  expect(outcome.ok, outcome.out).toBe(false);
  expect(outcome.out).toContain(`ValidatingAdmissionPolicy '${policy}' with binding '${policy}' denied request: ${message}`);
}

function passed(outcome: Outcome) {
  expect(outcome.ok, outcome.out).toBe(true);
}

function deployment(name: string, options: { replicas?: number; image?: string; serviceAccountName?: string } = {}) {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name, namespace: team.namespace },
    spec: {
      replicas: options.replicas ?? 1,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: {
          ...(options.serviceAccountName ? { serviceAccountName: options.serviceAccountName } : {}),
          containers: [{ name: "app", image: options.image ?? "registry.example.com/web:1.0.0" }],
        },
      },
    },
  };
}

function service(name: string, spec: Record<string, unknown>) {
  return {
    apiVersion: "v1",
    kind: "Service",
    metadata: { name, namespace: team.namespace },
    spec: { selector: { app: name }, ports: [{ port: 80 }], ...spec },
  };
}

function ingress(name: string, hosts: (string | undefined)[]) {
  const backend = { service: { name: "web", port: { number: 80 } } };
  return {
    apiVersion: "networking.k8s.io/v1",
    kind: "Ingress",
    metadata: { name, namespace: team.namespace },
    spec: { rules: hosts.map((host) => ({ ...(host ? { host } : {}), http: { paths: [{ path: "/", pathType: "Prefix", backend }] } })) },
  };
}

const dryRun = (object: object) => kubectl("admin", ["create", "--dry-run=server", "-f", "-"], object);

/** Waits until a dry run of `object` is refused: the API server has picked up a policy or parameter change. */
function refusedSoon(object: object) {
  return vi.waitFor(
    async () => {
      if ((await dryRun(object)).ok) throw new Error("not refused yet");
    },
    { timeout: 30_000, interval: 250 },
  );
}

beforeAll(async () => {
  const p = platform();
  await provisionTeam(p, team);
  deployer = teamClient(p, team.namespace, "deployer");
  const access = { team: team.slug, namespace: team.namespace, personId: `vap-${team.slug}`, role: "deployer" } as const;
  const { token } = await personToken(p, access, 600);
  const config = {
    apiVersion: "v1",
    kind: "Config",
    clusters: [{ name: "local", cluster: { server: cluster.server, "certificate-authority": cluster.caFile } }],
    users: [{ name: "person", user: { token } }],
    contexts: [{ name: "local", context: { cluster: "local", user: "person", namespace: team.namespace } }],
    "current-context": "local",
  };
  fs.writeFileSync(personKubeconfig, stringify(config), { mode: 0o600 });
  // The API server picks up new policies within a second or so of start-up.
  await refusedSoon(deployment("probe", { replicas: 21 }));
});

describe("[policy] replicas", () => {
  test("over 20 is refused on create and through kubectl scale; 20 passes", async () => {
    refused(
      await apply("person", deployment("big", { replicas: 40 })),
      "slipway-replicas",
      "replicas must be at most 20 (Slipway's limit); asked for 40",
    );
    passed(await apply("person", deployment("web", { replicas: 20 })));
    refused(
      await kubectl("person", ["scale", "deployment/web", "--replicas=40"]),
      "slipway-replicas",
      "replicas must be at most 20 (Slipway's limit); asked for 40",
    );
    passed(await kubectl("person", ["scale", "deployment/web", "--replicas=2"]));
  });
});

describe("[policy] Slipway's own ServiceAccounts", () => {
  const message = (account: string) =>
    `serviceAccountName ${account} is one of Slipway's own ServiceAccounts, which no pod may run as; leave it unset (default) or use one of your own`;

  test("no pod template may run as slipway-deployer or a person's account", async () => {
    refused(
      await apply("person", deployment("sa", { serviceAccountName: "slipway-deployer" })),
      "slipway-service-accounts",
      message("slipway-deployer"),
    );
    const person = personServiceAccountName(`vap-${team.slug}`);
    refused(await apply("person", deployment("sa", { serviceAccountName: person })), "slipway-service-accounts", message(person));
  });

  test("nor a pod or a CronJob's pods, whoever creates them (here a cluster-admin)", async () => {
    const pod = {
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: "sa", namespace: team.namespace },
      spec: { serviceAccountName: "slipway-viewer", containers: [{ name: "app", image: "registry.example.com/web:1.0.0" }] },
    };
    refused(await apply("admin", pod), "slipway-service-accounts", message("slipway-viewer"));
    const template = { spec: { restartPolicy: "Never", serviceAccountName: "slipway-deployer", containers: pod.spec.containers } };
    const cronJob = {
      apiVersion: "batch/v1",
      kind: "CronJob",
      metadata: { name: "sa", namespace: team.namespace },
      spec: { schedule: "0 * * * *", jobTemplate: { spec: { template } } },
    };
    refused(await apply("admin", cronJob), "slipway-service-accounts", message("slipway-deployer"));
  });
});

describe("[policy] Service exposure", () => {
  test("NodePort, LoadBalancer and externalIPs are refused; ClusterIP passes", async () => {
    const exposes = "is not allowed in a team namespace (it exposes the app outside the cluster)";
    refused(await apply("person", service("np", { type: "NodePort" })), "slipway-service-exposure", `Service type NodePort ${exposes}`);
    refused(
      await apply("person", service("lb", { type: "LoadBalancer" })),
      "slipway-service-exposure",
      `Service type LoadBalancer ${exposes}`,
    );
    refused(
      await apply("person", service("ext", { externalIPs: ["203.0.113.7"] })),
      "slipway-service-exposure",
      "externalIPs are not allowed in a team namespace; asked for 203.0.113.7",
    );
    passed(await apply("person", service("web", { type: "ClusterIP" })));
  });

  test("outside team namespaces the policies do not apply", async () => {
    const other = `plain-${team.slug}`;
    passed(await kubectl("admin", ["create", "namespace", other]));
    passed(await kubectl("admin", ["--namespace", other, "create", "service", "nodeport", "np", "--tcp=80:80"]));
    await kubectl("admin", ["delete", "namespace", other, "--wait=false"]);
  });
});

describe("[policy] Ingress hosts", () => {
  test("only hosts under the team's domain; another team's host and a host-less rule are refused", async () => {
    refused(
      await apply("person", ingress("steal", ["shop.other-team.apps.example.com"])),
      "slipway-ingress-hosts",
      `Ingress host shop.other-team.apps.example.com is not under the team's domains: ${domain}`,
    );
    refused(
      await apply("person", ingress("catch-all", [undefined])),
      "slipway-ingress-hosts",
      `every Ingress rule needs a host under the team's domains (${domain}); a rule without one takes every host's traffic`,
    );
    passed(await apply("person", ingress("web", [`web.${domain}`, `*.${domain}`])));
  });
});

describe("[policy] registries and a lower ceiling from ConfigMap slipway/slipway-policy", () => {
  const config = (data: Record<string, string>) => ({
    apiVersion: "v1",
    kind: "ConfigMap",
    metadata: { name: "slipway-policy", namespace: "slipway" },
    data,
  });
  const nginx = deployment("nginx", { image: "nginx:1.27" });

  beforeAll(async () => {
    // The namespace Slipway installs itself in (deploy/namespace.yaml), applied the way the
    // install does, so tests/k8s/install-manifests.test.ts can apply it again cleanly.
    await kubectl("admin", ["apply", "-f", path.resolve(import.meta.dirname, "../../deploy/namespace.yaml")]);
  });
  afterAll(async () => {
    await kubectl("admin", ["delete", "configmap", "slipway-policy", "--namespace=slipway", "--ignore-not-found"]);
  });

  test("without the ConfigMap any registry passes", async () => {
    expect((await dryRun(nginx)).ok).toBe(true);
  });

  test("with it, images from elsewhere and replicas over its ceiling are refused", async () => {
    passed(await apply("admin", config({ allowedRegistries: "registry.example.com/, ghcr.io/acme/", maxReplicas: "5" })));
    await refusedSoon(nginx);

    refused(
      await apply("person", nginx),
      "slipway-configured-limits",
      "image docker.io/library/nginx:1.27 is not from an allowed registry (registry.example.com/, ghcr.io/acme/; ConfigMap slipway/slipway-policy)",
    );
    passed(await apply("person", deployment("acme", { image: "ghcr.io/acme/api:2" })));
    refused(
      await kubectl("person", ["scale", "deployment/acme", "--replicas=6"]),
      "slipway-configured-limits",
      "replicas must be at most 5 (this cluster's limit, ConfigMap slipway/slipway-policy); asked for 6",
    );
    // web has 2 replicas and an allowed image: the ceiling stops raising, not lowering.
    passed(await kubectl("person", ["scale", "deployment/web", "--replicas=1"]));
  });
});

describe("[policy] Slipway's own releases", () => {
  test("a release at Slipway's limits, with a host under the team's domain, passes", async () => {
    const app = appSpec(team, { name: "shop", replicas: 20, host: `shop.${domain}` });
    const applied = await expectApplied(applyRelease(deployer, { app, release: { id: "rel-1", sequence: 1 } }));
    expect(applied.generation).toBe(1);
  });

  test("a release or scale past a limit fails with the policy's words, as invalid", async () => {
    const error = await expectClusterStatus(
      applyRelease(deployer, { app: appSpec(team, { name: "huge", replicas: 40 }), release: { id: "rel-2", sequence: 1 } }),
      422,
    );
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.message).toContain("replicas must be at most 20 (Slipway's limit); asked for 40");
    const scaled = await expectClusterStatus(scaleDeployment(deployer, team.namespace, "shop", 21), 422);
    expect(scaled.message).toContain("asked for 21");
  });
});
