/**
 * The CLI's own files, readable by the person only (0600): config.json (per Slipway
 * server: its API token, the default team) and kube-tokens.json (the exec plugin's
 * cache). $SLIPWAY_CONFIG_DIR, else $XDG_CONFIG_HOME/slipway, else ~/.config/slipway.
 */
import { chmod, mkdir, readFile, rename, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

export type ServerEntry = { token: string; team?: string; email?: string };
export type CliConfig = { current?: string; servers: Record<string, ServerEntry> };

export function configDir(env: Record<string, string | undefined>): string {
  if (env.SLIPWAY_CONFIG_DIR) return env.SLIPWAY_CONFIG_DIR;
  return path.join(env.XDG_CONFIG_HOME || path.join(env.HOME || os.homedir(), ".config"), "slipway");
}

async function readJson<T>(file: string, empty: T): Promise<T> {
  try {
    return JSON.parse(await readFile(file, "utf8")) as T;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return empty;
    throw new Error(`${file} is not valid JSON; fix or delete it.`);
  }
}

/** Written to a temporary file and renamed: two kubectl processes never see half a file. */
async function writePrivateJson(file: string, value: unknown) {
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(temporary, `${JSON.stringify(value, null, 2)}\n`, { mode: 0o600 });
  await chmod(temporary, 0o600);
  await rename(temporary, file);
}

export const normalizeServer = (server: string) => server.replace(/\/+$/, "");

export function loadConfig(dir: string): Promise<CliConfig> {
  return readJson<CliConfig>(path.join(dir, "config.json"), { servers: {} });
}

export function saveConfig(dir: string, config: CliConfig): Promise<void> {
  return writePrivateJson(path.join(dir, "config.json"), config);
}

export type CachedKubeToken = { token: string; expiresAt: string };

export function loadKubeTokens(dir: string): Promise<Record<string, CachedKubeToken>> {
  return readJson(path.join(dir, "kube-tokens.json"), {});
}

export function saveKubeTokens(dir: string, tokens: Record<string, CachedKubeToken>): Promise<void> {
  return writePrivateJson(path.join(dir, "kube-tokens.json"), tokens);
}
