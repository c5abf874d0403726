/**
 * A local Kubernetes control plane on loopback: etcd, kube-apiserver (RBAC on,
 * static tokens for an admin and for the `slipway-platform` user, ServiceAccount
 * token issuing), kube-controller-manager, kube-scheduler and kwok with one fake
 * node that pods schedule on and turn Ready, and whose pods have log lines (pod-logs.ts:
 * a file appended to every second, served by kwok's kubelet endpoint). Used by `npm run cluster` and by the
 * k8s test suite. Binaries come from scripts/build-k8s.sh.
 *
 * The platform user gets exactly deploy/rbac.yaml's slipway-platform ClusterRole,
 * never cluster-admin, so what works here works with the role Slipway ships; and
 * deploy/admission-policies.yaml is enforced, so everything meets the limits a real
 * installation has.
 */
import { execFile } from "node:child_process";
import * as crypto from "node:crypto";
import * as fs from "node:fs";
import type * as https from "node:https";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { stringify } from "yaml";
import { clusterLogsConfig, startPodLogWriter } from "./pod-logs";
import { startProcess, stopProcess, type Managed } from "./processes";
import { freePort, get, waitFor } from "./wait";

export type StartClusterOptions = {
  /** Working directory: etcd data, certificates, kubeconfigs and logs. Reused across starts. */
  dir: string;
  /** Directory printed by scripts/build-k8s.sh. */
  binDir: string;
  log?: (message: string) => void;
  /** Overall start-up budget. */
  timeoutMs?: number;
  /**
   * Where the API server's audit webhook posts (Slipway's /api/cluster/audit, or a test's
   * server) and the bearer token it sends. Slipway may start later: batch mode buffers and retries.
   */
  auditWebhook?: { url: string; token: string };
};

export type Cluster = {
  server: string;
  caFile: string;
  adminKubeconfig: string;
  platformKubeconfig: string;
  adminToken: string;
  platformToken: string;
  pids: Record<string, number>;
  stop(): Promise<void>;
  /** SIGKILLs one component (fault tests); `restart` runs it again with the same arguments. */
  kill(name: string): Promise<void>;
  /** Starts a killed component again; for kube-apiserver, waits until it is ready. */
  restart(name: string): Promise<void>;
};

export const PLATFORM_USER = "slipway-platform";
export const NODE_NAME = "kwok-node-0";
const NODE_ADDRESSES = [
  { type: "InternalIP", address: "127.0.0.1" },
  { type: "Hostname", address: NODE_NAME },
];
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const execFileAsync = promisify(execFile);

function kubeconfig(server: string, caFile: string, user: string, token: string) {
  return stringify({
    apiVersion: "v1",
    kind: "Config",
    clusters: [{ name: "slipway-local", cluster: { server, "certificate-authority": caFile } }],
    users: [{ name: user, user: { token } }],
    contexts: [{ name: "slipway-local", context: { cluster: "slipway-local", user } }],
    "current-context": "slipway-local",
  });
}

/** The audit flags: deploy/kube-apiserver/audit-policy.yaml, and a webhook kubeconfig naming Slipway with its token. */
function auditArgs(dir: string, webhook: StartClusterOptions["auditWebhook"]): string[] {
  if (!webhook) return [];
  const config = path.join(dir, "audit-webhook.kubeconfig");
  fs.writeFileSync(
    config,
    stringify({
      apiVersion: "v1",
      kind: "Config",
      // client-go sends credentials only over TLS: to a plain-http URL (Slipway on
      // loopback) the token goes as the last path segment (/api/cluster/audit/<token>).
      clusters: [
        {
          name: "slipway",
          cluster: { server: webhook.url.startsWith("http:") ? `${webhook.url.replace(/\/$/, "")}/${webhook.token}` : webhook.url },
        },
      ],
      users: [{ name: "kube-apiserver", user: { token: webhook.token } }],
      contexts: [{ name: "slipway", context: { cluster: "slipway", user: "kube-apiserver" } }],
      "current-context": "slipway",
    }),
    { mode: 0o600 },
  );
  return [
    `--audit-policy-file=${path.join(repoRoot, "deploy", "kube-apiserver", "audit-policy.yaml")}`,
    `--audit-webhook-config-file=${config}`,
    "--audit-webhook-mode=batch",
    // Seconds, not the default 30, so a kubectl change reaches the activity page at once.
    "--audit-webhook-batch-max-wait=1s",
    "--audit-webhook-initial-backoff=1s",
  ];
}

/** The service-account signing key, kept across restarts so issued tokens stay valid. */
function serviceAccountKey(dir: string): { keyFile: string; pubFile: string } {
  const keyFile = path.join(dir, "sa.key");
  const pubFile = path.join(dir, "sa.pub");
  if (!fs.existsSync(keyFile) || !fs.existsSync(pubFile)) {
    const { privateKey, publicKey } = crypto.generateKeyPairSync("rsa", {
      modulusLength: 2048,
      privateKeyEncoding: { type: "pkcs8", format: "pem" },
      publicKeyEncoding: { type: "spki", format: "pem" },
    });
    fs.writeFileSync(keyFile, privateKey, { mode: 0o600 });
    fs.writeFileSync(pubFile, publicKey);
  }
  return { keyFile, pubFile };
}

/** Objects the admin creates once the API is up: the platform's binding and the fake node. */
function bootstrapObjects(): string {
  const binding = {
    apiVersion: "rbac.authorization.k8s.io/v1",
    kind: "ClusterRoleBinding",
    metadata: { name: "slipway-platform-local" },
    roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "slipway-platform" },
    subjects: [{ apiGroup: "rbac.authorization.k8s.io", kind: "User", name: PLATFORM_USER }],
  };
  const resources = { cpu: "32", memory: "256Gi", pods: "110" };
  // No taint (unlike kwok's example), so ordinary pods schedule here.
  const node = {
    apiVersion: "v1",
    kind: "Node",
    metadata: {
      name: NODE_NAME,
      annotations: { "kwok.x-k8s.io/node": "fake", "node.alpha.kubernetes.io/ttl": "0" },
      labels: {
        type: "kwok",
        "kubernetes.io/hostname": NODE_NAME,
        "kubernetes.io/os": "linux",
        "kubernetes.io/arch": "amd64",
      },
    },
    status: {
      allocatable: resources,
      capacity: resources,
      // The API server reaches kwok's kubelet endpoint (logs) here. Both kinds given, so
      // kwok's node-initialize stage, which writes only the missing ones, keeps them.
      addresses: NODE_ADDRESSES,
    },
  };
  return [binding, node].map((o) => stringify(o)).join("---\n");
}

export async function startCluster(options: StartClusterOptions): Promise<Cluster> {
  const started = Date.now();
  const log = options.log ?? (() => {});
  const budget = options.timeoutMs ?? 180_000;
  const remaining = () => Math.max(1000, budget - (Date.now() - started));
  const dir = path.resolve(options.dir);
  const bin = (name: string) => path.join(options.binDir, name);
  const logs = path.join(dir, "logs");
  fs.mkdirSync(logs, { recursive: true });
  fs.mkdirSync(path.join(dir, "pki"), { recursive: true });

  const processes: Managed[] = [];
  const podLogsFile = path.join(dir, "pod-logs", "demo.log");
  const podLogs = startPodLogWriter(podLogsFile);
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      podLogs.stop();
      const [etcd, ...rest] = processes;
      await Promise.all(rest.reverse().map((p) => stopProcess(p)));
      if (etcd) await stopProcess(etcd);
    })());
  const argsOf = new Map<string, string[]>();
  const run = (name: string, args: string[]) => {
    const p = startProcess(name, bin(name), args, path.join(logs, `${name}.log`));
    argsOf.set(name, args);
    processes.push(p);
    return p;
  };
  const kill = async (name: string) => {
    const p = processes.find((candidate) => candidate.name === name);
    if (!p) throw new Error(`no component ${name}`);
    p.child.kill("SIGKILL");
    await p.exited;
  };

  try {
    const [etcdPort, peerPort, apiPort, kubeletPort] = await Promise.all([freePort(), freePort(), freePort(), freePort()]);
    const adminToken = crypto.randomBytes(24).toString("hex");
    const platformToken = crypto.randomBytes(24).toString("hex");
    const tokensFile = path.join(dir, "tokens.csv");
    fs.writeFileSync(tokensFile, `${adminToken},admin,admin,"system:masters"\n${platformToken},${PLATFORM_USER},${PLATFORM_USER}\n`, {
      mode: 0o600,
    });
    const sa = serviceAccountKey(dir);
    const server = `https://127.0.0.1:${apiPort}`;
    const caFile = path.join(dir, "pki", "apiserver.crt");
    const issuer = "https://kubernetes.default.svc.cluster.local";

    log("starting etcd");
    const etcdUrl = `http://127.0.0.1:${etcdPort}`;
    const peerUrl = `http://127.0.0.1:${peerPort}`;
    run("etcd", [
      "--name=slipway",
      `--data-dir=${path.join(dir, "etcd")}`,
      `--listen-client-urls=${etcdUrl}`,
      `--advertise-client-urls=${etcdUrl}`,
      `--listen-peer-urls=${peerUrl}`,
      `--initial-advertise-peer-urls=${peerUrl}`,
      `--initial-cluster=slipway=${peerUrl}`,
      // A throwaway cluster: speed over durability on power loss.
      "--unsafe-no-fsync",
      "--log-level=warn",
    ]);
    await waitFor("etcd /health", async () => (await get(`${etcdUrl}/health`)).body.includes('"health":"true"'), {
      timeoutMs: Math.min(30_000, remaining()),
      processes,
    });

    log("starting kube-apiserver");
    run("kube-apiserver", [
      `--etcd-servers=${etcdUrl}`,
      "--bind-address=127.0.0.1",
      "--advertise-address=127.0.0.1",
      `--secure-port=${apiPort}`,
      // Generates a self-signed serving certificate whose file doubles as the CA.
      `--cert-dir=${path.join(dir, "pki")}`,
      "--authorization-mode=RBAC",
      `--token-auth-file=${tokensFile}`,
      `--service-account-issuer=${issuer}`,
      `--api-audiences=${issuer}`,
      `--service-account-key-file=${sa.pubFile}`,
      `--service-account-signing-key-file=${sa.keyFile}`,
      "--service-cluster-ip-range=10.96.0.0/16",
      "--kubelet-preferred-address-types=InternalIP",
      // This admission plugin taints new nodes not-ready until the node-lifecycle
      // controller lifts it; we run no such controller, and kwok's node is Ready.
      "--disable-admission-plugins=TaintNodesByCondition",
      // Start-up speed on a small machine; neither matters for a local cluster.
      "--enable-priority-and-fairness=false",
      "--profiling=false",
      ...auditArgs(dir, options.auditWebhook),
      "--v=1",
    ]);
    const adminAuth: https.RequestOptions = { headers: { Authorization: `Bearer ${adminToken}` } };
    const withCa = (): https.RequestOptions => ({ ...adminAuth, ca: fs.readFileSync(caFile) });
    await waitFor(
      "kube-apiserver /readyz",
      async () => {
        if (!fs.existsSync(caFile)) return "no serving certificate yet";
        const answer = await get(`${server}/readyz`, withCa());
        return answer.status === 200 || `${answer.status} ${answer.body.slice(-300)}`;
      },
      { timeoutMs: Math.min(120_000, remaining()), processes },
    );
    log(`kube-apiserver ready at ${server} after ${((Date.now() - started) / 1000).toFixed(1)}s`);

    const adminKubeconfig = path.join(dir, "admin.kubeconfig");
    const platformKubeconfig = path.join(dir, "platform.kubeconfig");
    fs.writeFileSync(adminKubeconfig, kubeconfig(server, caFile, "admin", adminToken), { mode: 0o600 });
    fs.writeFileSync(platformKubeconfig, kubeconfig(server, caFile, PLATFORM_USER, platformToken), { mode: 0o600 });

    log("starting controller-manager, scheduler and kwok");
    run("kube-controller-manager", [
      `--kubeconfig=${adminKubeconfig}`,
      "--leader-elect=false",
      "--secure-port=0",
      // Only what Slipway's objects need: deployments, their pods, namespaces, SAs,
      // quota, and the aggregated admin/edit/view roles (empty without it, which
      // would make binding them look harmless).
      "--controllers=deployment-controller,replicaset-controller,namespace-controller,garbage-collector-controller," +
        "serviceaccount-controller,serviceaccount-token-controller,resourcequota-controller," +
        "root-ca-certificate-publisher-controller,clusterrole-aggregation-controller",
      `--service-account-private-key-file=${sa.keyFile}`,
      `--root-ca-file=${caFile}`,
      "--use-service-account-credentials=false",
      "--v=1",
    ]);
    run("kube-scheduler", [`--kubeconfig=${adminKubeconfig}`, "--leader-elect=false", "--secure-port=0", "--v=1"]);
    const kwokLogsConfig = path.join(dir, "kwok-logs.yaml");
    fs.writeFileSync(kwokLogsConfig, clusterLogsConfig(podLogsFile));
    run("kwok", [
      `--kubeconfig=${adminKubeconfig}`,
      `--config=${bin("kwok-stages.yaml")}`,
      `--config=${kwokLogsConfig}`,
      "--manage-all-nodes=false",
      "--manage-nodes-with-annotation-selector=kwok.x-k8s.io/node=fake",
      "--node-ip=127.0.0.1",
      // kwok's kubelet endpoint (logs), on loopback only, with a self-signed certificate.
      `--node-port=${kubeletPort}`,
      `--server-address=127.0.0.1:${kubeletPort}`,
      "--node-lease-duration-seconds=40",
    ]);

    log("applying deploy/rbac.yaml, deploy/admission-policies.yaml and the fake node");
    const kubectl = (args: string[], input?: string) => {
      const child = execFileAsync(bin("kubectl"), [`--kubeconfig=${adminKubeconfig}`, ...args], { timeout: 30_000 });
      if (input !== undefined) {
        child.child.stdin?.end(input);
      }
      return child;
    };
    await kubectl([
      "apply",
      "-f",
      path.join(repoRoot, "deploy", "rbac.yaml"),
      "-f",
      path.join(repoRoot, "deploy", "admission-policies.yaml"),
    ]);
    await kubectl(["apply", "-f", "-"], bootstrapObjects());
    // Apply leaves the status of a node that exists already alone; one kept from an earlier
    // start may lack the addresses, and names that start's kwok port: the API server needs
    // both to reach kwok for logs.
    await kubectl([
      "patch",
      "node",
      NODE_NAME,
      "--subresource=status",
      "--type=merge",
      `--patch=${JSON.stringify({ status: { addresses: NODE_ADDRESSES, daemonEndpoints: { kubeletEndpoint: { Port: kubeletPort } } } })}`,
    ]);

    await waitFor(
      `node ${NODE_NAME} Ready (kwok)`,
      async () => {
        const answer = await get(`${server}/api/v1/nodes/${NODE_NAME}`, withCa());
        if (answer.status !== 200) return `${answer.status}`;
        const node = JSON.parse(answer.body) as { status?: { conditions?: { type: string; status: string }[] } };
        return node.status?.conditions?.some((c) => c.type === "Ready" && c.status === "True") ?? false;
      },
      { timeoutMs: Math.min(60_000, remaining()), processes },
    );
    // The ServiceAccount controller is what lets pods be admitted in new namespaces;
    // the aggregation controller fills the built-in admin role.
    await waitFor(
      "the controller-manager (default ServiceAccount, aggregated admin role)",
      async () => {
        const sa = await get(`${server}/api/v1/namespaces/default/serviceaccounts/default`, withCa());
        const admin = await get(`${server}/apis/rbac.authorization.k8s.io/v1/clusterroles/admin`, withCa());
        return sa.status === 200 && admin.status === 200 && (JSON.parse(admin.body) as { rules?: unknown[] }).rules?.length
          ? true
          : `serviceaccount ${sa.status}, admin role ${admin.status}`;
      },
      { timeoutMs: Math.min(60_000, remaining()), processes },
    );
    log(`control plane ready after ${((Date.now() - started) / 1000).toFixed(1)}s`);

    const restart = async (name: string) => {
      const index = processes.findIndex((candidate) => candidate.name === name);
      if (index < 0) throw new Error(`no component ${name}`);
      if (!processes[index]!.exit) await kill(name);
      const p = startProcess(name, bin(name), argsOf.get(name)!, path.join(logs, `${name}.log`));
      processes[index] = p;
      if (name === "kube-apiserver") {
        const ready = async () => (await get(`${server}/readyz`, withCa()).catch(() => ({ status: 0 }))).status === 200;
        await waitFor("kube-apiserver /readyz after a restart", ready, { timeoutMs: 60_000, processes: [p] });
      }
    };
    const pids = Object.fromEntries(processes.map((p) => [p.name, p.child.pid ?? 0]));
    return { server, caFile, adminKubeconfig, platformKubeconfig, adminToken, platformToken, pids, stop, kill, restart };
  } catch (error) {
    await stop();
    throw error;
  }
}
