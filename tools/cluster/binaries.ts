/** The control-plane binaries: built (or found in the cache) by scripts/build-k8s.sh. */
import { spawn } from "node:child_process";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** Runs the build script with its progress on our stderr; resolves to the bin directory. */
export function buildBinaries(): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn("bash", [path.join(repoRoot, "scripts", "build-k8s.sh")], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (chunk: string) => (out += chunk));
    child.on("error", reject);
    child.on("exit", (code) => {
      const binDir = out.trim().split("\n").pop() ?? "";
      if (code === 0 && binDir) resolve(binDir);
      else reject(new Error(`scripts/build-k8s.sh failed (exit ${code})`));
    });
  });
}
