#!/usr/bin/env node
/** The `slipway` executable: runCli on this process's arguments, terminal and environment. */
import { spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import { runCli } from "./main";

function openBrowser(url: string) {
  const command = process.platform === "darwin" ? "open" : process.platform === "win32" ? "explorer" : "xdg-open";
  // Best effort: the URL is printed too, for machines without a browser.
  spawn(command, [url], { stdio: "ignore", detached: true })
    .on("error", () => {})
    .unref();
}

async function readInput(file: string): Promise<string> {
  if (file !== "-") return readFile(file, "utf8");
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

const code = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  fetch: globalThis.fetch,
  openBrowser,
  interactive: process.stderr.isTTY,
  readFile: readInput,
});
process.exitCode = code;
