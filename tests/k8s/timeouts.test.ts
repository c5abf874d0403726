/**
 * No cluster call may hang: a server that accepts and never answers, a port
 * nobody listens on, and an API server stopped in the middle of a watch all end
 * in a K8sError within the client's timeout.
 */
import * as fs from "node:fs";
import * as net from "node:net";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { K8sError, applyRelease, loadPlatformClient, provisionTeam, teamClient, watchRollout, type PlatformClient } from "@/lib/k8s";
import { startCluster, type Cluster } from "@/tools/cluster/start-cluster";
import { appSpec, uniqueTeam } from "./helpers";

const scratch: string[] = [];
afterAll(() => {
  for (const dir of scratch) fs.rmSync(dir, { recursive: true, force: true });
});

function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  scratch.push(dir);
  return dir;
}

/** A kubeconfig for `server`, trusting the suite cluster's CA (it will never get that far). */
function kubeconfigFor(server: string): string {
  const file = path.join(tempDir("slipway-kc-"), "kubeconfig");
  fs.writeFileSync(
    file,
    JSON.stringify({
      apiVersion: "v1",
      kind: "Config",
      clusters: [{ name: "c", cluster: { server, "certificate-authority": inject("cluster").caFile } }],
      users: [{ name: "u", user: { token: "t" } }],
      contexts: [{ name: "c", context: { cluster: "c", user: "u" } }],
      "current-context": "c",
    }),
  );
  return file;
}

async function failure(promise: Promise<unknown>): Promise<{ error: K8sError; ms: number }> {
  const started = Date.now();
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(K8sError);
  return { error: error as K8sError, ms: Date.now() - started };
}

describe("[k8s] timeouts and unreachable clusters", () => {
  let silent: net.Server;
  const sockets = new Set<net.Socket>();

  beforeAll(async () => {
    // Accepts connections and never says a word, not even the TLS handshake.
    silent = net.createServer((socket) => {
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
    });
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
  });
  afterAll(async () => {
    for (const s of sockets) s.destroy();
    await new Promise((resolve) => silent.close(resolve));
  });

  test("a server that never answers gives a Timeout error after the client's timeout", async () => {
    const { port } = silent.address() as net.AddressInfo;
    const client = loadPlatformClient({ kubeconfig: kubeconfigFor(`https://127.0.0.1:${port}`), timeoutMs: 1000 });
    const { error, ms } = await failure(client.call({ verb: "list", kind: "namespaces" }, () => client.core.listNamespace()));
    expect(error).toMatchObject({ code: "UNAVAILABLE", reason: "Timeout", clusterStatus: undefined });
    expect(error.message).toContain("did not answer in time");
    expect(ms).toBeGreaterThanOrEqual(900);
    expect(ms).toBeLessThan(3000);
  });

  test("a port nobody listens on gives an Unreachable error at once", async () => {
    const port = await new Promise<number>((resolve) => {
      const s = net.createServer().listen(0, "127.0.0.1", () => {
        const { port } = s.address() as net.AddressInfo;
        s.close(() => resolve(port));
      });
    });
    const client = loadPlatformClient({ kubeconfig: kubeconfigFor(`https://127.0.0.1:${port}`), timeoutMs: 5000 });
    const { error, ms } = await failure(client.call({}, () => client.core.listNamespace()));
    expect(error).toMatchObject({ code: "UNAVAILABLE", reason: "Unreachable" });
    expect(error.message).toContain("ECONNREFUSED");
    expect(ms).toBeLessThan(1000);
  });

  describe("an API server stopped mid-call (its own small cluster)", () => {
    let cluster: Cluster;
    let platform: PlatformClient;
    const team = uniqueTeam("stop");

    beforeAll(async () => {
      const dir = tempDir("slipway-k8s-stop-");
      cluster = await startCluster({ dir, binDir: inject("cluster").binDir });
      platform = loadPlatformClient({ kubeconfig: cluster.platformKubeconfig, timeoutMs: 1500 });
      await provisionTeam(platform, team);
    });
    afterAll(async () => {
      const pid = cluster?.pids["kube-apiserver"];
      if (pid) {
        try {
          process.kill(pid, "SIGCONT");
        } catch {
          // already gone
        }
      }
      await cluster?.stop();
    });

    test("a frozen API server ends a rollout watch, then a read, with a Timeout error", async () => {
      const deployer = teamClient(platform, team.namespace, "deployer");
      // More CPU than the node (and the quota) allows, with a long deadline: it
      // never completes, so only the frozen server can end the watch.
      const app = appSpec(team, { name: "stuck", replicas: 1, resources: { requests: { cpu: "48" } } });
      await applyRelease(deployer, { app, release: { id: "r1", sequence: 1 }, progressDeadlineSeconds: 600 });

      // The watch retries a server that does not answer until its own deadline, then says so.
      const watching = failure(watchRollout(deployer, team.namespace, "stuck", { watchSeconds: 2, timeoutMs: 8_000 }));
      await new Promise((r) => setTimeout(r, 500));
      process.kill(cluster.pids["kube-apiserver"]!, "SIGSTOP");

      const { error } = await watching;
      expect(error).toMatchObject({ code: "UNAVAILABLE", reason: "Timeout" });
      expect((error as Error).message).toMatch(
        /did not finish within 8 s\. The last attempt to follow it failed: .*did not answer in time/,
      );

      const { error: readError, ms } = await failure(
        deployer.call({ verb: "get", kind: "Deployment", name: "stuck", namespace: team.namespace }, () =>
          deployer.apps.readNamespacedDeployment({ name: "stuck", namespace: team.namespace }),
        ),
      );
      expect(readError).toMatchObject({ reason: "Timeout", namespace: team.namespace, cluster: cluster.server });
      expect(ms).toBeLessThan(4000);
    });

    test("a killed API server gives an Unreachable error", async () => {
      const pid = cluster.pids["kube-apiserver"]!;
      process.kill(pid, "SIGKILL");
      await new Promise((r) => setTimeout(r, 300));
      const { error, ms } = await failure(platform.call({}, () => platform.core.readNamespace({ name: team.namespace })));
      expect(error).toMatchObject({ code: "UNAVAILABLE", reason: "Unreachable" });
      expect(ms).toBeLessThan(1000);
    });
  });
});
