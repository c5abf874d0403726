/**
 * Over HTTP (the use-case alone: list-apps-pages.test.ts): GET /teams/{team}/apps
 * answers 100 apps unless asked (500 at most), and `slipway apps` follows `nextAfter`
 * to list every one.
 */
import { mkdtemp, readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { authorizeUser } from "@/lib/authz/authorize";
import { createApiToken } from "@/lib/tokens/create-api-token";
import { runCli } from "@/cli/main";
import * as teams from "@/app/api/v1/teams/route";
import { startApiServer } from "../helpers/api-server";
import { call } from "../helpers/api";

const APPS = 612;
let server: Awaited<ReturnType<typeof startApiServer>>;
let token = "";
let home = "";

beforeAll(async () => {
  server = await startApiServer();
  home = await mkdtemp(path.join(os.tmpdir(), "slipway-pages-"));
  const user = await db().user.create({ data: { email: "root@pages.test", isPlatformAdmin: true, issuer: "t", subject: "root-pages" } });
  token = (await createApiToken.run({ ctx: authorizeUser({ actor: { ...user, via: "session" } }), input: { name: "t", expiresInDays: 1 } }))
    .token;
  await call(teams.POST, "POST", { token, body: { slug: "many", name: "Many", leadEmail: "root@pages.test" } });
  const team = await db().team.findUniqueOrThrow({ where: { slug: "many" } });
  await db().app.createMany({
    data: Array.from({ length: APPS }, (_, i) => ({
      teamId: team.id,
      name: `app-${String(i).padStart(4, "0")}`,
      imageRepository: "registry.example/app",
      containerPort: 8080,
    })),
  });
});

afterAll(() => server?.close());

async function get(query: string) {
  const reply = await fetch(`${server.url}/api/v1/teams/many/apps${query}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: reply.status, body: (await reply.json()) as { apps: { name: string }[]; nextAfter: string | null } };
}

describe("[apps] pages of a team's apps", () => {
  it("answers 100 apps unless asked, then the next page after the last one", async () => {
    const first = await get("");
    expect(first.status).toBe(200);
    expect(first.body.apps).toHaveLength(100);
    expect(first.body.apps[0]!.name).toBe("app-0000");
    expect(first.body.nextAfter).toBe("app-0099");
    const second = await get(`?after=${first.body.nextAfter}&limit=500`);
    expect(second.body.apps).toHaveLength(500);
    expect(second.body.apps[0]!.name).toBe("app-0100");
    const last = await get(`?after=${second.body.nextAfter}&limit=500`);
    expect(last.body.apps.map((app) => app.name)).toEqual(Array.from({ length: 12 }, (_, i) => `app-${String(600 + i).padStart(4, "0")}`));
    expect(last.body.nextAfter).toBeNull();
  });

  it("refuses a page larger than 500, naming the field", async () => {
    const reply = await fetch(`${server.url}/api/v1/teams/many/apps?limit=501`, { headers: { authorization: `Bearer ${token}` } });
    expect(reply.status).toBe(400);
    expect(await reply.text()).toMatch(/limit/);
  });

  it("slipway apps lists every app of the team, across pages", async () => {
    let stdout = "";
    const code = await runCli(["apps", "--team", "many", "--server", server.url], {
      stdout: (text) => void (stdout += text),
      stderr: () => undefined,
      env: { SLIPWAY_CONFIG_DIR: home, SLIPWAY_TOKEN: token },
      fetch: globalThis.fetch,
      readFile: (file) => readFile(file, "utf8"),
    });
    expect(code).toBe(0);
    const rows = stdout.split("\n").filter((line) => line.startsWith("many/"));
    expect(rows).toHaveLength(APPS);
    expect(rows.at(-1)).toMatch(/^many\/app-0611 /);
  });
});
