/**
 * The slipway CLI against a real Slipway (the /api/v1 handlers behind node:http, on
 * the test database and control plane): login (with a token, and through the browser
 * approval), deploy --wait, rollback, logs, a spec round trip through a file, a viewer
 * refused with the role message; kubectl with the exec-plugin kubeconfig across a
 * token refresh, and refused once the person is removed. The kubectl part runs the
 * built CLI (dist/cli/slipway.mjs) with plain node, as kubectl would.
 */
import { execFile, execFileSync } from "node:child_process";
import { chmod, mkdtemp, readFile, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml, stringify } from "yaml";
import { db } from "@/lib/db";
import { authorizeUser } from "@/lib/authz/authorize";
import { createApiToken } from "@/lib/tokens/create-api-token";
import { runCli } from "@/cli/main";
import { startApiServer } from "../helpers/api-server";

const repoRoot = path.resolve(import.meta.dirname, "../..");
const team = `cli-${Date.now().toString(36)}`;
const people = ["admin", "lead", "deployer", "viewer", "newcomer"] as const;
type Who = (typeof people)[number];
const token = {} as Record<Who, string>;
const home = {} as Record<Who, string>;
let server: Awaited<ReturnType<typeof startApiServer>>;
let binDir: string;

/** Runs one command line as `who`, with their own config directory. */
async function slipway(who: Who, args: string[], extra: { openBrowser?: (url: string) => void; signal?: AbortSignal } = {}) {
  let stdout = "";
  let stderr = "";
  const code = await runCli(args, {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    env: { SLIPWAY_CONFIG_DIR: home[who] },
    fetch: globalThis.fetch,
    readFile: (file) => readFile(file, "utf8"),
    ...extra,
  });
  return { code, stdout, stderr };
}

function kubectl(who: Who, kubeconfig: string, args: string[]) {
  return promisify(execFile)(path.join(process.env.SLIPWAY_K8S_BIN!, "kubectl"), ["--kubeconfig", kubeconfig, ...args], {
    env: { ...process.env, PATH: `${binDir}:${process.env.PATH}`, SLIPWAY_CONFIG_DIR: home[who], HOME: home[who] },
  });
}

beforeAll(async () => {
  execFileSync("npx", ["--no-install", "tsx", "scripts/build-cli.ts"], { cwd: repoRoot, env: { ...process.env, LOG_LEVEL: "warn" } });
  binDir = await mkdtemp(path.join(os.tmpdir(), "slipway-bin-"));
  await writeFile(path.join(binDir, "slipway"), `#!/bin/sh\nexec node ${repoRoot}/dist/cli/slipway.mjs "$@"\n`);
  await chmod(path.join(binDir, "slipway"), 0o755);
  server = await startApiServer();
  for (const who of people) {
    home[who] = await mkdtemp(path.join(os.tmpdir(), `slipway-${who}-`));
    const user = await db().user.create({
      data: { email: `${who}@cli.test`, isPlatformAdmin: who === "admin", issuer: "t", subject: `cli-${who}` },
    });
    token[who] = (
      await createApiToken.run({ ctx: authorizeUser({ actor: { ...user, via: "session" } }), input: { name: "t", expiresInDays: 1 } })
    ).token;
  }
  for (const who of ["admin", "lead"] as const) {
    expect((await slipway(who, ["login", "--server", server.url, "--token", token[who], "--team", team])).code).toBe(0);
  }
  const created = await server.url;
  const response = await fetch(`${created}/api/v1/teams`, {
    method: "POST",
    headers: { authorization: `Bearer ${token.admin}`, "content-type": "application/json" },
    body: JSON.stringify({ slug: team, name: "CLI", leadEmail: "lead@cli.test" }),
  });
  expect(response.status).toBe(201);
  expect((await slipway("lead", ["grant", team, "deployer@cli.test", "deployer"])).code).toBe(0);
  expect((await slipway("lead", ["grant", team, "viewer@cli.test", "viewer"])).code).toBe(0);
  expect((await slipway("lead", ["grant", team, "newcomer@cli.test", "viewer"])).code).toBe(0);
}, 300_000);

afterAll(async () => {
  await server?.close();
});

describe("[cli] slipway against Slipway and the control plane", () => {
  it("logs in with a token into a 0600 config, and whoami says who", async () => {
    const login = await slipway("deployer", ["login", "--server", server.url, "--token", token.deployer, "--team", team]);
    expect(login).toMatchObject({ code: 0, stdout: `Logged in to ${server.url} as deployer@cli.test.\n` });
    expect((await stat(path.join(home.deployer, "config.json"))).mode & 0o777).toBe(0o600);
    const me = await slipway("deployer", ["whoami", "--json"]);
    expect(JSON.parse(me.stdout)).toMatchObject({ email: "deployer@cli.test", teams: [{ slug: team, role: "DEPLOYER" }] });
    expect((await slipway("viewer", ["login", "--server", server.url, "--token", token.viewer])).code).toBe(0);
  });

  it("logs in through the browser: the person approves the code, the CLI collects a token", async () => {
    const approve = async (url: string) => {
      const answer = await fetch(`${server.url}/api/v1/cli/logins/${new URL(url).searchParams.get("code")}/approval`, {
        method: "POST",
        headers: { authorization: `Bearer ${token.newcomer}` },
      });
      expect(answer.status).toBe(200);
    };
    const login = await slipway("newcomer", ["login", "--server", server.url], { openBrowser: (url) => void approve(url) });
    expect(login.stderr).toMatch(/approve the code [A-Z]{4}-[A-Z]{4}/);
    expect(login).toMatchObject({ code: 0, stdout: `Logged in to ${server.url} as newcomer@cli.test.\n` });
    expect(JSON.parse((await slipway("newcomer", ["whoami", "--json"])).stdout).email).toBe("newcomer@cli.test");
    const logout = await slipway("newcomer", ["logout"]);
    expect(logout.stdout).toMatch(/revoked the token/);
    expect(
      await db().apiToken.count({
        where: { user: { email: "newcomer@cli.test" }, name: { startsWith: "slipway login" }, revokedAt: null },
      }),
    ).toBe(0);
  });

  it("spec round trip through a file creates and updates the app", async () => {
    const file = path.join(home.deployer, "web.yaml");
    const spec = {
      apiVersion: "slipway.dev/v1",
      kind: "App",
      metadata: { name: "web", team },
      spec: { imageRepository: "registry.example.com/cli/web", containerPort: 8080, replicas: 1 },
    };
    await writeFile(file, stringify(spec));
    expect(await slipway("deployer", ["spec", "apply", "-f", file])).toMatchObject({ code: 0, stdout: `${team}/web created.\n` });
    const exported = await slipway("deployer", ["spec", "export", `${team}/web`]);
    expect(exported.code).toBe(0);
    const document = parseYaml(exported.stdout) as typeof spec;
    expect(document.spec).toMatchObject({ replicas: 1, containerPort: 8080 });
    document.spec.replicas = 2;
    await writeFile(file, stringify(document));
    expect(await slipway("deployer", ["spec", "apply", "-f", file])).toMatchObject({ code: 0, stdout: `${team}/web updated.\n` });
    expect(parseYaml((await slipway("deployer", ["spec", "export", "web"])).stdout).spec.replicas).toBe(2);
  });

  it("deploy --wait follows the rollout to success and exits 0", async () => {
    const deployed = await slipway("deployer", ["deploy", "web", "1.0.0", "--wait"]);
    expect(deployed.stderr).toMatch(/ROLLING_OUT|SUCCEEDED/);
    expect(deployed).toMatchObject({ code: 0, stdout: "#1 succeeded.\n" });
    const apps = await slipway("viewer", ["apps", "--team", team]);
    expect(apps.stdout).toMatch(new RegExp(`${team}/web\\s+2\\s+#1 1.0.0\\s+SUCCEEDED`));
    const status = await slipway("viewer", ["status", `${team}/web`, "--json"]);
    expect(JSON.parse(status.stdout).view.pods).toHaveLength(2);
  });

  it("a viewer's deploy is refused with the role needed and a non-zero exit", async () => {
    const refused = await slipway("viewer", ["deploy", `${team}/web`, "2.0.0"]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/Deployer/);
    expect(refused.stderr).toContain("lead@cli.test");
  });

  it("deploys again, shows the diff, and rolls back to the last good release", async () => {
    expect((await slipway("deployer", ["deploy", "web", "2.0.0", "--wait"])).code).toBe(0);
    expect((await slipway("viewer", ["diff", `${team}/web`])).stdout).toContain(
      "image: registry.example.com/cli/web:1.0.0 -> registry.example.com/cli/web:2.0.0",
    );
    const rolledBack = await slipway("deployer", ["rollback", "web", "--wait"]);
    expect(rolledBack).toMatchObject({ code: 0, stdout: "#3 succeeded.\n" });
    const history = JSON.parse((await slipway("viewer", ["releases", `${team}/web`, "--json"])).stdout);
    expect(history.releases[0]).toMatchObject({ sequence: 3, image: "registry.example.com/cli/web:1.0.0", rollbackOf: { sequence: 1 } });
  });

  it("logs print every pod's log, one pod's with --pod, and -f follows each pod's stream", async () => {
    const pods = (JSON.parse((await slipway("viewer", ["status", `${team}/web`, "--json"])).stdout).view.pods as { name: string }[]).map(
      (pod) => pod.name,
    );
    expect(pods).toHaveLength(2);
    const all = await slipway("viewer", ["logs", `${team}/web`, "--tail", "3", "--timestamps"]);
    expect(all.code, all.stderr).toBe(0);
    const lines = all.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(6);
    for (const pod of pods) expect(lines.filter((line) => line.startsWith(`[${pod}] `))).toHaveLength(3);
    for (const line of lines) expect(line).toMatch(/^\[web-\S+\] \d{4}-\d{2}-\d{2}T\S+Z level=/);

    const one = await slipway("viewer", ["logs", `${team}/web`, "--pod", pods[0]!, "--tail", "2"]);
    expect(one.code, one.stderr).toBe(0);
    expect(one.stdout.trimEnd().split("\n")).toEqual([expect.stringMatching(/^level=/), expect.stringMatching(/^level=/)]);
    const wrong = await slipway("viewer", ["logs", `${team}/web`, "--pod", "web-gone"]);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/pod: no such pod/);
    expect((await slipway("viewer", ["logs", `${team}/web`, "--tail", "0"])).code).toBe(2);

    // -f: the tail of each pod, then the lines the log writer appends (one a second), until stopped.
    const stop = new AbortController();
    const following = slipway("viewer", ["logs", `${team}/web`, "-f", "--tail", "1"], { signal: stop.signal });
    await new Promise((resolve) => setTimeout(resolve, 4_000));
    stop.abort();
    const followed = await following;
    expect(followed.code, followed.stderr).toBe(0);
    for (const pod of pods)
      expect(followed.stdout.split("\n").filter((line) => line.startsWith(`[${pod}] level=`)).length).toBeGreaterThanOrEqual(2);
    const activity = await slipway("lead", ["activity", "--team", team, "--since", "1h"]);
    expect(activity.stdout).toMatch(/deployer@cli\.test\s+deploy\.request/);
  });

  it("kubectl with the exec-plugin kubeconfig works across a token refresh, and stops after removal", async () => {
    const file = path.join(home.deployer, "kubeconfig");
    expect((await slipway("deployer", ["kubeconfig", team, "-o", file])).code).toBe(0);
    const config = parseYaml(await readFile(file, "utf8"));
    expect(config.users[0].user.exec).toMatchObject({
      apiVersion: "client.authentication.k8s.io/v1",
      command: "slipway",
      args: ["kube-token", team, "--server", server.url],
    });
    expect(JSON.stringify(config)).not.toMatch(/"token"/);

    const pods = await kubectl("deployer", file, ["get", "pods", "-o", "name"]);
    expect(pods.stdout).toMatch(/pod\/web-/);
    const cacheFile = path.join(home.deployer, "kube-tokens.json");
    const first = JSON.parse(await readFile(cacheFile, "utf8"))[`${server.url} ${team}`];
    expect(Date.parse(first.expiresAt) - Date.now()).toBeGreaterThan(8 * 60_000);

    // The cache takes the token for spent: the next kubectl gets a fresh one from Slipway.
    await writeFile(
      cacheFile,
      JSON.stringify({ [`${server.url} ${team}`]: { ...first, expiresAt: new Date(Date.now() + 30_000).toISOString() } }),
    );
    expect((await kubectl("deployer", file, ["get", "pods", "-o", "name"])).stdout).toMatch(/pod\/web-/);
    const second = JSON.parse(await readFile(cacheFile, "utf8"))[`${server.url} ${team}`];
    expect(second.token).not.toBe(first.token);
    expect(await db().auditEvent.count({ where: { action: "kubeconfig.issue", actorEmail: "deployer@cli.test" } })).toBe(2);

    expect((await slipway("lead", ["revoke", team, "deployer@cli.test"])).code).toBe(0);
    await expect
      .poll(
        () =>
          kubectl("deployer", file, ["get", "pods", "-o", "name"]).then(
            () => "accepted",
            (e: { stderr: string }) => e.stderr,
          ),
        {
          timeout: 30_000,
          interval: 1_000,
        },
      )
      .toMatch(/Unauthorized|must be logged in|not a member|forbidden/i);
  });
});
