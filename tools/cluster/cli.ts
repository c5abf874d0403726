/**
 * npm run cluster -- up | down | status
 *
 * `up` builds (or reuses) the binaries, starts the local control plane in
 * DATA_DIR/cluster (default .data/cluster) and stays in the foreground until
 * Ctrl-C or `down`. `down` signals that process by the pid in the state file.
 * `status` says whether the API server answers.
 *
 * The kubeconfigs exist only while the cluster runs, so "DATA_DIR/cluster/
 * platform.kubeconfig exists" means "there is a local cluster to use".
 */
import * as crypto from "node:crypto";
import * as fs from "node:fs";
import * as https from "node:https";
import * as path from "node:path";
import { buildBinaries } from "./binaries";
import { startCluster } from "./start-cluster";

type State = {
  pid: number;
  server: string;
  caFile: string;
  adminKubeconfig: string;
  platformKubeconfig: string;
  pids: Record<string, number>;
  startedAt: string;
};

const dir = path.resolve(process.env.DATA_DIR ?? ".data", "cluster");
const stateFile = path.join(dir, "state.json");

function readState(): State | undefined {
  try {
    return JSON.parse(fs.readFileSync(stateFile, "utf8")) as State;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Only a process whose command line names our directory is ours to kill (pids get reused). */
function isOurChild(pid: number): boolean {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").includes(dir);
  } catch {
    return false;
  }
}

function killLeftovers(state: State) {
  for (const [name, pid] of Object.entries(state.pids)) {
    if (isAlive(pid) && isOurChild(pid)) {
      console.error(`killing leftover ${name} (pid ${pid})`);
      process.kill(pid, "SIGKILL");
    }
  }
}

function forget(state?: State) {
  for (const file of [stateFile, state?.adminKubeconfig, state?.platformKubeconfig]) {
    if (file) fs.rmSync(file, { force: true });
  }
}

function readyz(state: State): Promise<boolean> {
  return new Promise((resolve) => {
    let ca: Buffer;
    try {
      ca = fs.readFileSync(state.caFile);
    } catch {
      return resolve(false);
    }
    const request = https.get(`${state.server}/readyz`, { ca, timeout: 3000 }, (response) => {
      response.resume();
      resolve(response.statusCode === 200);
    });
    request.on("timeout", () => request.destroy());
    request.on("error", () => resolve(false));
  });
}

/**
 * SLIPWAY_AUDIT_WEBHOOK_URL (scripts/demo.sh sets Slipway's /api/cluster/audit): the API
 * server posts its audit events there with the token kept in DATA_DIR/cluster/audit-webhook.token,
 * which Slipway reads as SLIPWAY_AUDIT_WEBHOOK_TOKEN.
 */
function auditWebhook(): { url: string; token: string } | undefined {
  const url = process.env.SLIPWAY_AUDIT_WEBHOOK_URL;
  if (!url) return undefined;
  const file = path.join(dir, "audit-webhook.token");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(file, crypto.randomBytes(24).toString("hex"), { mode: 0o600 });
  }
  return { url, token: fs.readFileSync(file, "utf8").trim() };
}

async function up() {
  const previous = readState();
  if (previous && isAlive(previous.pid)) {
    console.error(`The local cluster is already running (pid ${previous.pid}, ${previous.server}).`);
    process.exit(1);
  }
  if (previous) {
    killLeftovers(previous);
    forget(previous);
  }

  const binDir = await buildBinaries();
  const started = Date.now();
  const cluster = await startCluster({ dir, binDir, log: (m) => console.error(`[cluster] ${m}`), auditWebhook: auditWebhook() });
  const state: State = {
    pid: process.pid,
    server: cluster.server,
    caFile: cluster.caFile,
    adminKubeconfig: cluster.adminKubeconfig,
    platformKubeconfig: cluster.platformKubeconfig,
    pids: cluster.pids,
    startedAt: new Date().toISOString(),
  };
  fs.writeFileSync(stateFile, JSON.stringify(state, null, 2));

  console.log(`Local cluster up in ${((Date.now() - started) / 1000).toFixed(1)}s at ${cluster.server}`);
  console.log(`  admin:    export KUBECONFIG=${cluster.adminKubeconfig}`);
  console.log(`  platform: ${cluster.platformKubeconfig} (the slipway-platform role only)`);
  console.log(`  logs:     ${path.join(dir, "logs")}`);
  console.log("Ctrl-C or `npm run cluster -- down` stops it.");

  let stopping = false;
  const shutdown = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.error(`[cluster] ${signal}: stopping`);
    await cluster.stop();
    forget(state);
    process.exit(0);
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
  // Stay in the foreground; the signal handlers end this.
  setInterval(() => {}, 1 << 30);
}

async function down() {
  const state = readState();
  if (!state) {
    console.log("The local cluster is not running.");
    return;
  }
  if (isAlive(state.pid)) {
    process.kill(state.pid, "SIGTERM");
    const deadline = Date.now() + 20_000;
    while (isAlive(state.pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    if (isAlive(state.pid)) {
      console.error(`pid ${state.pid} did not stop in 20s; killing it and the control plane`);
      process.kill(state.pid, "SIGKILL");
    }
  }
  killLeftovers(state);
  forget(state);
  console.log("The local cluster is stopped.");
}

async function status() {
  const state = readState();
  if (!state) {
    console.log("down (no state file)");
    process.exit(1);
  }
  const ready = await readyz(state);
  console.log(ready ? `up: ${state.server} (pid ${state.pid})` : `not answering: ${state.server} (pid ${state.pid})`);
  if (ready) console.log(`  platform kubeconfig: ${state.platformKubeconfig}`);
  process.exit(ready ? 0 : 1);
}

const commands: Record<string, () => Promise<void>> = { up, down, status };
const command = commands[process.argv[2] ?? ""];
if (!command) {
  console.error("usage: npm run cluster -- up|down|status");
  process.exit(2);
}
command().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
