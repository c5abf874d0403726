/**
 * The deploy engine under faults (issue 10): the API server killed mid-rollout and
 * restarted, PostgreSQL restarted with deploys and requests in flight, a Slipway process
 * SIGKILLed mid-rollout, two Slipway processes deploying one app. Slipway runs as
 * separate runner processes (tests/k8s/fixtures/engine-runner.ts) on this file's own
 * PostgreSQL and control plane, so both can be taken down without touching other files.
 *
 * Each case ends with every release terminal with its error in words, none FAILED whose
 * rollout completed (the only failure allowed is being superseded by a newer release),
 * one deploy.request and one outcome event per release, and the audit chain verifying.
 */
import { spawn, type ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Actor } from "@/lib/authz/actor";
import { runMigrations } from "@/lib/migrations/run-migrations";
import { connectPostgres } from "@/lib/migrations/sql-connection";
import { startCluster, type Cluster } from "@/tools/cluster/start-cluster";
import { MIGRATIONS_DIR } from "../helpers/db-names";
import { startThrowawayPostgres, type ThrowawayPostgres } from "./fixtures/throwaway-postgres";

const repoRoot = path.resolve(import.meta.dirname, "../..");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "slipway-faults-"));
const ENGINE_ENV = { SLIPWAY_PROGRESS_DEADLINE_SECONDS: "20", SLIPWAY_CLAIM_SECONDS: "6" };
const spec = { imageRepository: "registry.example.com/r/web", containerPort: 8080, replicas: 2, env: [], resources: {} };

let pg: ThrowawayPostgres;
let cluster: Cluster;
// Imported once the environment points at this file's database and cluster.
let lib: Awaited<ReturnType<typeof importSlipway>>;
let admin: Actor;

async function importSlipway() {
  const [{ db }, authz, apps, teams, deploys, audit, dbErrors, k8s] = await Promise.all([
    import("@/lib/db"),
    import("@/lib/authz/authorize"),
    import("@/lib/apps/create-app"),
    import("@/lib/teams/create-team"),
    import("@/lib/deploys/deploy-app"),
    import("@/lib/audit/verify-audit-chain"),
    import("@/lib/db-errors"),
    import("@/lib/k8s"),
  ]);
  return { db, ...authz, ...apps, ...teams, ...deploys, ...audit, ...dbErrors, ...k8s };
}

type Runner = { name: string; child: ChildProcess; log: string; exited: Promise<number | null> };
const runners: Runner[] = [];

function startRunner(name: string): Runner {
  const log = path.join(dir, `${name}.log`);
  const fd = fs.openSync(log, "a");
  const child = spawn(process.execPath, ["--import", "tsx", "tests/k8s/fixtures/engine-runner.ts"], {
    cwd: repoRoot,
    env: { ...process.env, ...ENGINE_ENV, SLIPWAY_RELEASE_WORKER: "1", DATA_DIR: dir, NODE_ENV: "test" },
    stdio: ["ignore", fd, fd],
  });
  fs.closeSync(fd);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const runner = { name, child, log, exited };
  runners.push(runner);
  return runner;
}

async function stopRunner(runner: Runner, signal: NodeJS.Signals = "SIGTERM"): Promise<number> {
  const started = Date.now();
  runner.child.kill(signal);
  await runner.exited;
  return Date.now() - started;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(what: string, check: () => Promise<boolean>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; runner logs in ${dir}`);
    await sleep(100);
  }
}

async function teamWithApps(slug: string, names: string[]) {
  await lib.createTeam.run({ ctx: lib.authorizePlatformAdmin({ actor: admin }), input: { slug, name: slug } });
  const ctx = await lib.authorizeTeam({ actor: admin, teamSlug: slug, permissions: ["app.deploy", "app.create"] });
  for (const name of names) await lib.createApp.run({ ctx, input: { ...spec, name } });
  return ctx;
}

type Ctx = Awaited<ReturnType<typeof teamWithApps>>;

async function deploy(ctx: Ctx, app: string, version: string, idempotencyKey?: string) {
  const { release } = await lib.deployApp.run({ ctx, input: { app, version, idempotencyKey } });
  return release.id;
}

const rows = (ids: string[]) => lib.db().release.findMany({ where: { id: { in: ids } }, orderBy: { sequence: "asc" } });

async function settled(ids: string[], timeoutMs = 90_000) {
  await until(`releases to end`, async () => (await rows(ids)).every((r) => r.status === "SUCCEEDED" || r.status === "FAILED"), timeoutMs);
  return rows(ids);
}

/** Everything the issue asks of a fault run, for the releases `ids` of this case. */
async function expectSoundHistory(ids: string[]) {
  const releases = await settled(ids);
  for (const release of releases) {
    if (release.status === "FAILED") expect(release.error, `release ${release.sequence}`).toMatch(/^Superseded by release #\d+/);
    else expect(release).toMatchObject({ status: "SUCCEEDED", error: null });
  }
  const events = await lib.db().auditEvent.findMany({ where: { targetType: "release", targetId: { in: ids } } });
  for (const id of ids) {
    const actions = events.filter((event) => event.targetId === id).map((event) => event.action);
    const outcome = releases.find((release) => release.id === id)!.status === "SUCCEEDED" ? "deploy.succeeded" : "deploy.failed";
    expect(actions.sort(), `audit of release ${id}`).toEqual(["deploy.request", outcome].sort());
  }
  expect(await lib.verifyAuditChain({ db: lib.db() })).toMatchObject({ ok: true });
  return releases;
}

const someRollingOut = (ids: string[]) => async () => (await rows(ids)).some((r) => r.status === "ROLLING_OUT");

beforeAll(async () => {
  pg = await startThrowawayPostgres();
  const conn = await connectPostgres(pg.url);
  await runMigrations({ connection: conn, migrationsDir: MIGRATIONS_DIR });
  await conn.close();
  cluster = await startCluster({ dir: path.join(dir, "cluster"), binDir: inject("cluster").binDir });
  Object.assign(process.env, ENGINE_ENV, {
    DATABASE_URL: pg.url,
    SLIPWAY_KUBECONFIG: cluster.platformKubeconfig,
    // This process requests deploys; only the runners run them.
    SLIPWAY_RELEASE_WORKER: "0",
  });
  delete process.env.PGLITE_DIR;
  lib = await importSlipway();
  const user = await lib.db().user.create({ data: { email: "root@faults.test", isPlatformAdmin: true } });
  admin = { ...user, via: "session" };
});

afterAll(async () => {
  await Promise.all(runners.filter((r) => r.child.exitCode === null).map((r) => stopRunner(r, "SIGKILL")));
  await lib?.db().$disconnect();
  await cluster?.stop();
  await pg?.stop();
  if (!process.env.SLIPWAY_KEEP_CLUSTER) fs.rmSync(dir, { recursive: true, force: true });
});

describe("[engine] faults", () => {
  it("kube-apiserver killed mid-rollout and restarted: the watches retry and every release completes", async () => {
    const runner = startRunner("apiserver");
    const ctx = await teamWithApps("apis", ["a1", "a2", "a3"]);
    const ids = await Promise.all(["a1", "a2", "a3"].map((app) => deploy(ctx, app, "1.0.0")));
    await until("a rollout in progress", someRollingOut(ids), 30_000);
    await cluster.kill("kube-apiserver");
    ids.push(await deploy(ctx, "a1", "1.0.1"));
    await sleep(2_000);
    await cluster.restart("kube-apiserver");
    await expectSoundHistory(ids);
    expect(await stopRunner(runner)).toBeLessThan(10_000);
  });

  it("PostgreSQL restarted with deploys and requests in flight: requests fail as unavailable or succeed, releases complete", async () => {
    const runner = startRunner("postgres");
    const ctx = await teamWithApps("pgrs", ["b1", "b2", "b3"]);
    const ids = await Promise.all(["b1", "b2", "b3"].map((app) => deploy(ctx, app, "1.0.0")));
    await until("a rollout in progress", someRollingOut(ids), 30_000);
    const restarting = pg.restart({ downMs: 1_500 });
    const during = await Promise.allSettled(["b1", "b2", "b3"].map((app) => (async () => (await sleep(200), deploy(ctx, app, "2.0.0")))()));
    await restarting;
    for (const outcome of during) {
      if (outcome.status === "fulfilled") ids.push(outcome.value);
      else expect(lib.isDatabaseUnavailable(outcome.reason), String(outcome.reason)).toBe(true);
    }
    expect(during.some((outcome) => outcome.status === "rejected")).toBe(true);
    ids.push(await deploy(ctx, "b3", "3.0.0"));
    await expectSoundHistory(ids);
    expect(await stopRunner(runner)).toBeLessThan(10_000);
  });

  it("Slipway SIGKILLed mid-rollout and started again: the new process takes the releases over", async () => {
    const first = startRunner("killed");
    const ctx = await teamWithApps("kill", ["c1", "c2", "c3"]);
    const ids = await Promise.all(["c1", "c2", "c3"].map((app) => deploy(ctx, app, "1.0.0")));
    await until("a rollout in progress", someRollingOut(ids), 30_000);
    await stopRunner(first, "SIGKILL");
    const second = startRunner("restarted");
    const releases = await expectSoundHistory(ids);
    expect(releases.every((release) => release.status === "SUCCEEDED")).toBe(true);
    expect(await stopRunner(second)).toBeLessThan(10_000);
  });

  it("two Slipway processes deploying one app: each release runs once, the newest ends in the cluster", async () => {
    const [a, b] = [startRunner("two-a"), startRunner("two-b")];
    const ctx = await teamWithApps("twin", ["web"]);
    // A double click from two browsers: one release.
    const same = await Promise.all(Array.from({ length: 6 }, () => deploy(ctx, "web", "1.0.0", "double-click-1")));
    expect(new Set(same).size).toBe(1);
    const ids = [same[0]!];
    for (const version of ["1.0.1", "1.0.2", "1.0.3", "1.0.4"]) ids.push(await deploy(ctx, "web", version));
    const releases = await expectSoundHistory(ids);
    const newest = releases.at(-1)!;
    expect(newest).toMatchObject({ status: "SUCCEEDED", image: "registry.example.com/r/web:1.0.4" });
    const clusterAdmin = lib.loadPlatformClient({ kubeconfig: cluster.adminKubeconfig });
    const deployment = await clusterAdmin.apps.readNamespacedDeployment({ name: "web", namespace: "team-twin" });
    expect(deployment.spec?.template.spec?.containers[0]?.image).toBe(newest.image);
    const times = await Promise.all([stopRunner(a), stopRunner(b)]);
    expect(Math.max(...times)).toBeLessThan(10_000);
  });
});
