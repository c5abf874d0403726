/** `slipway access request/list/approve/deny` and `grant --for` against a real /api/v1 over HTTP. */
import { mkdtemp, readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { authorizeUser } from "@/lib/authz/authorize";
import { createApiToken } from "@/lib/tokens/create-api-token";
import { runCli } from "@/cli/main";
import { durationToHours } from "@/cli/commands/access";
import * as teams from "@/app/api/v1/teams/route";
import { startApiServer } from "../helpers/api-server";
import { call } from "../helpers/api";

const people = ["root", "lead", "newt", "nia"] as const;
type Who = (typeof people)[number];
const token = {} as Record<Who, string>;
const home = {} as Record<Who, string>;
let server: Awaited<ReturnType<typeof startApiServer>>;

async function slipway(who: Who, args: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await runCli([...args, "--server", server.url], {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    env: { SLIPWAY_CONFIG_DIR: home[who], SLIPWAY_TOKEN: token[who] },
    fetch: globalThis.fetch,
    readFile: (file) => readFile(file, "utf8"),
  });
  return { code, stdout, stderr };
}

beforeAll(async () => {
  server = await startApiServer();
  for (const who of people) {
    home[who] = await mkdtemp(path.join(os.tmpdir(), `slipway-${who}-`));
    const user = await db().user.create({ data: { email: `${who}@cli.test`, isPlatformAdmin: who === "root", issuer: "t", subject: who } });
    token[who] = (
      await createApiToken.run({ ctx: authorizeUser({ actor: { ...user, via: "session" } }), input: { name: "t", expiresInDays: 1 } })
    ).token;
  }
  await call(teams.POST, "POST", { token: token.root, body: { slug: "pay", name: "Pay", leadEmail: "lead@cli.test" } });
});

afterAll(() => server?.close());

describe("[access] the command line", () => {
  it("--for takes hours or days", () => {
    expect(durationToHours("4h")).toBe(4);
    expect(durationToHours("2d")).toBe(48);
    expect(durationToHours("6")).toBe(6);
    expect(() => durationToHours("30m")).toThrow(/--for must be hours or days/);
  });

  it("a newcomer asks, the lead lists and approves for less, another is denied", async () => {
    const asked = await slipway("newt", ["access", "request", "pay", "--role", "deployer", "--reason", "on call", "--for", "4h"]);
    expect(asked).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Asked pay for deployer for 4 h; its leads decide/) });
    const noReason = await slipway("nia", ["access", "request", "pay", "--role", "viewer"]);
    expect(noReason).toMatchObject({ code: 2, stderr: expect.stringMatching(/--reason is required/) });
    expect((await slipway("nia", ["access", "request", "pay", "--role", "viewer", "--reason", "curious"])).code).toBe(0);

    const listed = await slipway("lead", ["access", "list", "pay"]);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/newt@cli\.test\s+deployer\s+4 h\s+pending/);
    const newtId = (await db().accessRequest.findFirstOrThrow({ where: { requester: { email: "newt@cli.test" } } })).id;

    const self = await slipway("newt", ["access", "approve", "pay", newtId]);
    expect(self.code).toBe(1);
    expect(self.stderr).toMatch(/only leads|needs Lead/i);
    const approved = await slipway("lead", ["access", "approve", "pay", newtId.slice(0, 8), "--for", "2h"]);
    expect(approved).toMatchObject({ code: 0, stdout: expect.stringMatching(/^newt@cli\.test is deployer of pay until /) });

    const niaId = (await db().accessRequest.findFirstOrThrow({ where: { requester: { email: "nia@cli.test" } } })).id;
    const denied = await slipway("lead", ["access", "deny", "pay", niaId, "--reason", "not needed"]);
    expect(denied).toMatchObject({ code: 0, stdout: "Denied nia@cli.test's request for viewer.\n" });
    expect((await slipway("lead", ["access", "list", "pay"])).stdout).toBe("No pending requests.\n");

    const members = await slipway("lead", ["members", "pay"]);
    expect(members.stdout).toMatch(/newt@cli\.test.*deployer\s+until /);
  });

  it("grant --for gives a new member access that ends by itself", async () => {
    const granted = await slipway("lead", ["grant", "pay", "nia@cli.test", "viewer", "--for", "1d"]);
    expect(granted.code).toBe(0);
    const membership = await db().membership.findFirstOrThrow({ where: { user: { email: "nia@cli.test" } } });
    expect(membership.expiresAt!.getTime() - Date.now()).toBeGreaterThan(23.9 * 3_600_000);
  });
});
