/**
 * The built app under `next start`, the way it runs in production, and its memory:
 * the resident set of the server process and any children it started.
 */
import { spawn, type ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { request } from "./http";

export type Server = { base: string; pid: number; rssMb(): number; stop(): Promise<void>; log: string };

export async function startServer(options: { port: number; env: Record<string, string | undefined>; logFile: string }): Promise<Server> {
  const base = `http://127.0.0.1:${options.port}`;
  const out = fs.openSync(options.logFile, "a");
  const env: Record<string, string | undefined> = { ...process.env, ...options.env, NEXTAUTH_URL: base, NEXT_TELEMETRY_DISABLED: "1" };
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete env[key];
  // The bin itself, not npx: the pid we measure and stop is the server.
  // BENCH_CPU_PROF=<dir>: a V8 CPU profile of the server, written there when it stops.
  const profile = process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const args = ["start", "-H", "127.0.0.1", "-p", String(options.port)];
  // BENCH_NODE_ARGS="--heap-growing-percent=50": flags for the server's node (V8 flags NODE_OPTIONS refuses).
  const nodeArgs = process.env.BENCH_NODE_ARGS?.split(" ").filter(Boolean) ?? [];
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, ...profile, path.resolve("node_modules/next/dist/bin/next"), ...args], {
    env: env as NodeJS.ProcessEnv,
    stdio: ["ignore", out, out],
  });
  let exited = false;
  child.on("exit", () => (exited = true));
  const until = Date.now() + 120_000;
  for (;;) {
    if (exited) throw new Error(`next start exited before it was ready; see ${options.logFile}`);
    const ready = await request(base, "GET", "/api/readyz");
    if (ready.status === 200) break;
    if (Date.now() > until)
      throw new Error(`next start not ready after 120 s (last: ${ready.status} ${ready.body}); see ${options.logFile}`);
    await sleep(250);
  }
  const pid = child.pid!;
  return {
    base,
    pid,
    log: options.logFile,
    rssMb: () => treeRssMb(pid),
    stop: async () => {
      if (exited) return;
      const gone = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await Promise.race([gone, sleep(15_000)]);
      if (!exited) child.kill("SIGKILL");
      fs.closeSync(out);
    },
  };
}

function rssKb(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

function childrenOf(pid: number): number[] {
  const children: number[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      // pid (comm) state ppid ...: comm may hold spaces, so read after the last ")".
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid === pid) children.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return children;
}

export function treeRssMb(pid: number): number {
  let kb = rssKb(pid);
  for (const child of childrenOf(pid)) kb += treeRssMb(child) * 1024;
  return kb / 1024;
}

/** Samples a server's memory every `everyMs` until stopped; the peak and the last reading. */
export function sampleMemory(server: Server, everyMs = 500) {
  let peak = server.rssMb();
  const timer = setInterval(() => (peak = Math.max(peak, server.rssMb())), everyMs);
  return {
    stop: () => {
      clearInterval(timer);
      return Math.max(peak, server.rssMb());
    },
  };
}
