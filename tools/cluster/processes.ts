/**
 * Child processes of the local control plane: started with their output in a log
 * file, stopped with SIGTERM then SIGKILL, and never left behind when this
 * process exits or is interrupted.
 */
import { spawn, type ChildProcess } from "node:child_process";
import * as fs from "node:fs";

export type Managed = {
  name: string;
  child: ChildProcess;
  logFile: string;
  /** Set once the process has exited. */
  exit?: { code: number | null; signal: NodeJS.Signals | null };
  exited: Promise<void>;
};

const alive = new Set<Managed>();
let handlersInstalled = false;

/** On exit nothing async can run, so whatever is still alive gets SIGKILL. */
function installExitHandlers() {
  if (handlersInstalled) return;
  handlersInstalled = true;
  process.on("exit", () => {
    for (const p of alive) p.child.kill("SIGKILL");
  });
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    const onSignal = () => {
      // Another handler (the CLI, vitest) will stop things and exit; the exit
      // handler above catches whatever it leaves.
      if (process.listenerCount(signal) > 1) return;
      for (const p of alive) p.child.kill("SIGKILL");
      // Nobody else handles the signal: die of it, as if we had not either.
      process.off(signal, onSignal);
      process.kill(process.pid, signal);
    };
    process.on(signal, onSignal);
  }
}

export function startProcess(name: string, command: string, args: string[], logFile: string): Managed {
  installExitHandlers();
  const fd = fs.openSync(logFile, "a");
  fs.writeSync(fd, `\n--- ${new Date().toISOString()} ${command} ${args.join(" ")}\n`);
  const child = spawn(command, args, { stdio: ["ignore", fd, fd] });
  fs.closeSync(fd);
  const managed: Managed = { name, child, logFile, exited: Promise.resolve() };
  managed.exited = new Promise((resolve) => {
    child.once("exit", (code, signal) => {
      managed.exit = { code, signal };
      alive.delete(managed);
      resolve();
    });
    child.once("error", (error) => {
      fs.appendFileSync(logFile, `spawn failed: ${error.message}\n`);
      managed.exit = { code: -1, signal: null };
      alive.delete(managed);
      resolve();
    });
  });
  alive.add(managed);
  return managed;
}

/** SIGTERM, then SIGKILL if it is still running after `graceMs`. */
export async function stopProcess(p: Managed, graceMs = 5000): Promise<void> {
  if (p.exit) return;
  p.child.kill("SIGTERM");
  let timer: NodeJS.Timeout | undefined;
  const killed = new Promise<void>((resolve) => {
    timer = setTimeout(() => {
      p.child.kill("SIGKILL");
      resolve();
    }, graceMs);
  });
  await Promise.race([p.exited, killed]);
  clearTimeout(timer);
  await p.exited;
}

export function tailLog(logFile: string, lines = 25): string {
  try {
    return fs.readFileSync(logFile, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "(no log)";
  }
}

export function describeExit(p: Managed): string {
  return `${p.name} exited (code ${p.exit?.code}, signal ${p.exit?.signal}); log: ${p.logFile}\n${tailLog(p.logFile)}`;
}
