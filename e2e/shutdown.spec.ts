/**
 * [shutdown] SIGTERM to the built app (`next start`) with a deploy in flight and a browser
 * holding its event stream open: the stream ends with the `reconnect` event (so the
 * browser reattaches to another replica), the process exits within 10 s, and the release
 * is never left half-applied: its apply finished (or never started) and a rollout watch
 * it still needed was handed over (its claim released), so another replica resumes it.
 *
 * A server of its own (scripts/e2e-server.sh on another port, with its own embedded
 * PGlite and control plane), since this one is stopped; the shared one stays up.
 */
import { spawn, type ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { PGlite } from "@electric-sql/pglite";
import { expect, test } from "@playwright/test";
import { freePort } from "../tools/cluster/wait";
import { signInAs } from "./fixtures/sign-in";

const alive = (pid: number) => fs.existsSync(`/proc/${pid}`);

/** The `next start` process under the e2e-server.sh shell (its child). */
function nextServerPid(shellPid: number): number | undefined {
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      const command = fs.readFileSync(`/proc/${entry}/cmdline`, "utf8").split("\0").join(" ");
      // `next start` renames itself "next-server (v...)" once it runs.
      if (ppid === shellPid && /next-server|\/\.bin\/next start/.test(command)) return Number(entry);
    } catch {
      // gone meanwhile
    }
  }
  return undefined;
}

async function untilReady(base: string, server: ChildProcess, log: () => string) {
  const until = Date.now() + 200_000;
  while (Date.now() < until) {
    if (server.exitCode !== null) throw new Error(`scripts/e2e-server.sh exited early:\n${log()}`);
    const ready = await fetch(`${base}/api/readyz`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return;
    await sleep(500);
  }
  throw new Error(`the server on ${base} was not ready after 200 s:\n${log()}`);
}

test("[shutdown] SIGTERM with a deploy in flight drains it and ends the open event stream with reconnect", async ({ browser }) => {
  test.setTimeout(300_000);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const pgliteDir = fs.mkdtempSync(path.join(os.tmpdir(), "slipway-shutdown-pglite-"));
  let output = "";
  const server = spawn("bash", ["scripts/e2e-server.sh"], {
    env: { ...process.env, PORT: String(port), E2E_DATABASE_URL: "", PGLITE_DIR: pgliteDir },
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  server.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const shellExited = new Promise((resolve) => server.once("exit", resolve));
  try {
    await untilReady(base, server, () => output.slice(-4000));
    const nextPid = nextServerPid(server.pid!);
    expect(nextPid, "the next start process").toBeDefined();

    const context = await browser.newContext({ baseURL: base });
    const page = await context.newPage();
    await signInAs(page, "deployer@slipway.test");
    // Twenty pods (the most the admission policy allows) roll out in several waves, so the
    // release is still in flight when the signal arrives, even on a slow machine.
    const saved = await page.request.put(`${base}/api/v1/teams/payments/apps/api`, {
      headers: { origin: base },
      data: {
        spec: {
          name: "api",
          imageRepository: "registry.example.com/payments/api",
          containerPort: 8080,
          replicas: 20,
          env: [{ name: "LOG_LEVEL", value: "info" }],
          resources: {},
          healthCheckPath: "/healthz",
        },
      },
    });
    expect(saved.status(), await saved.text()).toBe(200);
    const deployed = await page.request.post(`${base}/api/v1/teams/payments/apps/api/deploys`, {
      headers: { origin: base },
      data: { version: "shutdown-1" },
    });
    expect(deployed.status()).toBe(202);
    const { release } = (await deployed.json()) as { release: { id: string; sequence: number } };

    const cookie = (await context.cookies(base)).map((c) => `${c.name}=${c.value}`).join("; ");
    const stream = await fetch(`${base}/api/v1/teams/payments/apps/api/releases/${release.sequence}/events`, { headers: { cookie } });
    expect(stream.status).toBe(200);
    const reader = stream.body!.getReader();
    const decoder = new TextDecoder();
    let received = "";

    // At once: a rollout on the simulated nodes takes seconds, so the release is still in flight.
    const signalledAt = Date.now();
    process.kill(nextPid!, "SIGTERM");
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      received += decoder.decode(value);
    }
    expect(received).toContain("event: reconnect");
    while (alive(nextPid!) && Date.now() - signalledAt < 15_000) await sleep(100);
    expect(alive(nextPid!), "next start still running 15 s after SIGTERM").toBe(false);
    expect(Date.now() - signalledAt).toBeLessThan(10_000);
    await context.close();
    await shellExited;

    // The server is gone: its database can be opened here.
    const db = await PGlite.create(pgliteDir);
    try {
      const { rows } = await db.query<{ status: string; claimHeld: boolean }>(
        `SELECT status::text, coalesce("claimExpiresAt" > now(), false) AS "claimHeld" FROM "Release" WHERE id = $1`,
        [release.id],
      );
      const [row] = rows;
      // Never cut off mid-apply; a release still to watch (or apply) is free for another replica at once.
      expect(row!.status).not.toBe("APPLYING");
      if (row!.status === "PENDING" || row!.status === "ROLLING_OUT") expect(row!.claimHeld).toBe(false);
    } finally {
      await db.close();
    }
  } finally {
    if (server.exitCode === null) {
      server.kill("SIGTERM");
      await Promise.race([shellExited, sleep(20_000)]);
    }
    fs.rmSync(pgliteDir, { recursive: true, force: true });
  }
});
