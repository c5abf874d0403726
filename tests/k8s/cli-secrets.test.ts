/**
 * `slipway secrets` against a real Slipway (the /api/v1 handlers behind node:http, the
 * test database and control plane): the value comes from standard input or a file,
 * never from an argument, and no output prints it.
 */
import { mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { authorizeUser } from "@/lib/authz/authorize";
import { appSecretName } from "@/lib/k8s/manifests";
import { createApiToken } from "@/lib/tokens/create-api-token";
import { runCli } from "@/cli/main";
import { startApiServer } from "../helpers/api-server";
import { admin } from "./helpers";

const team = `clisec-${Date.now().toString(36)}`;
const token = { admin: "", lead: "", viewer: "" };
type Who = keyof typeof token;
const STDIN_VALUE = "stdin-s3cr3t-41d2";
const FILE_VALUE = "-----BEGIN KEY-----\nfile-s3cr3t-88e0\n-----END KEY-----\n";
let server: Awaited<ReturnType<typeof startApiServer>>;
let dir: string;

async function slipway(who: Who, args: string[], stdin = "") {
  let stdout = "";
  let stderr = "";
  const code = await runCli(args, {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    env: { SLIPWAY_CONFIG_DIR: dir, SLIPWAY_SERVER: server.url, SLIPWAY_TOKEN: token[who] },
    fetch: globalThis.fetch,
    readFile: async (file) => (file === "-" ? stdin : (await import("node:fs/promises")).readFile(file, "utf8")),
  });
  for (const value of [STDIN_VALUE, "file-s3cr3t-88e0"]) {
    expect(stdout + stderr, `slipway ${args.join(" ")} printed a value`).not.toContain(value);
  }
  return { code, stdout, stderr };
}

async function secretData() {
  const object = await admin().core.readNamespacedSecret({ name: appSecretName("web"), namespace: `team-${team}` });
  return Object.fromEntries(Object.entries(object.data ?? {}).map(([k, v]) => [k, Buffer.from(v, "base64").toString("utf8")]));
}

beforeAll(async () => {
  server = await startApiServer();
  dir = await mkdtemp(path.join(os.tmpdir(), "slipway-clisec-"));
  for (const who of Object.keys(token) as Who[]) {
    const user = await db().user.create({
      data: { email: `${who}@clisec.test`, isPlatformAdmin: who === "admin", issuer: "t", subject: `clisec-${who}` },
    });
    token[who] = (
      await createApiToken.run({ ctx: authorizeUser({ actor: { ...user, via: "session" } }), input: { name: "t", expiresInDays: 1 } })
    ).token;
  }
  const post = (url: string, who: Who, body: unknown) =>
    fetch(`${server.url}/api/v1${url}`, {
      method: "POST",
      headers: { authorization: `Bearer ${token[who]}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    });
  expect((await post("/teams", "admin", { slug: team, name: "CLI secrets", leadEmail: "lead@clisec.test" })).status).toBe(201);
  expect((await post(`/teams/${team}/members`, "lead", { email: "viewer@clisec.test", role: "VIEWER" })).status).toBe(201);
  const web = { name: "web", imageRepository: "registry.example.com/clisec/web", containerPort: 8080, replicas: 1 };
  expect((await post(`/teams/${team}/apps`, "lead", web)).status).toBe(201);
}, 120_000);

afterAll(() => server?.close());

describe("[secrets] slipway secrets", () => {
  it("sets from standard input (one trailing newline dropped) and replaces from a file as is", async () => {
    const set = await slipway("lead", ["secrets", "set", `${team}/web`, "API_KEY"], `${STDIN_VALUE}\n`);
    expect(set).toMatchObject({ code: 0, stdout: "API_KEY set (v1). It takes effect at the first deploy.\n" });
    expect(await secretData()).toEqual({ API_KEY: STDIN_VALUE });

    const file = path.join(dir, "key.pem");
    await writeFile(file, FILE_VALUE);
    const replaced = await slipway("lead", ["secrets", "set", `${team}/web`, "API_KEY", "--from-file", file]);
    expect(replaced).toMatchObject({ code: 0, stdout: "API_KEY set (v2). It takes effect at the first deploy.\n" });
    expect(await secretData()).toEqual({ API_KEY: FILE_VALUE });
  });

  it("refuses a value given as an argument, an empty one, and a viewer", async () => {
    const argument = await slipway("lead", ["secrets", "set", `${team}/web`, "API_KEY", STDIN_VALUE]);
    expect(argument.code).toBe(2);
    expect(argument.stderr).toContain("never from an argument");
    expect((await slipway("lead", ["secrets", "set", `${team}/web`, "API_KEY"], "\n")).code).toBe(2);
    const viewer = await slipway("viewer", ["secrets", "set", `${team}/web`, "API_KEY"], "x");
    expect(viewer.code).toBe(1);
    expect(viewer.stderr).toMatch(/Deployer/);
  });

  it("lists names and versions for a viewer, in JSON too", async () => {
    const list = await slipway("viewer", ["secrets", "list", `${team}/web`]);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/^NAME\s+VERSION\s+SET BY\s+AT\nAPI_KEY\s+v2\s+lead@clisec.test\s+\d{4}-/);
    const json = JSON.parse((await slipway("viewer", ["secrets", "list", `${team}/web`, "--json"])).stdout);
    expect(json.secrets).toEqual([expect.objectContaining({ name: "API_KEY", version: 2 })]);
  });

  it("unset asks for --yes, then removes the value", async () => {
    const unconfirmed = await slipway("lead", ["secrets", "unset", `${team}/web`, "API_KEY"]);
    expect(unconfirmed.code).toBe(2);
    expect(unconfirmed.stderr).toContain("--yes");
    expect(await secretData()).toEqual({ API_KEY: FILE_VALUE });
    const removed = await slipway("lead", ["secrets", "unset", `${team}/web`, "API_KEY", "--yes"]);
    expect(removed).toMatchObject({ code: 0, stdout: "API_KEY removed (was v2).\n" });
    expect(await secretData()).toEqual({});
    expect((await slipway("viewer", ["secrets", "list", `${team}/web`])).stdout).toBe("web has no secrets.\n");
  });
});
