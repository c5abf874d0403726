/**
 * The app spec as YAML through its routes: export with GET .../apps/{app}/spec, apply
 * with PUT .../apps/spec (create or update), permissions, and errors that name fields.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session";
import { sessionCookie } from "../helpers/session";
import { createApiToken } from "@/lib/tokens/create-api-token";
import { authorizeUser } from "@/lib/authz/authorize";
import * as apps from "@/app/api/v1/teams/[team]/apps/route";
import * as exported from "@/app/api/v1/teams/[team]/apps/[app]/spec/route";
import * as applied from "@/app/api/v1/teams/[team]/apps/spec/route";
import { call } from "../helpers/api";

type Who = "lead" | "deployer" | "viewer" | "outsider";
const token = {} as Record<Who, string>;
const user = {} as Record<Who, SessionUser>;

/** A route call with a raw text body and a raw text answer (call() speaks JSON). */
async function raw(
  handler: typeof exported.GET,
  method: string,
  options: { token?: string; params: Record<string, string>; body?: string },
) {
  const headers: Record<string, string> = { "content-type": "application/yaml" };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const response = await handler(new Request("http://slipway.test/api/v1/x", { method, headers, body: options.body }), {
    params: Promise.resolve(options.params),
  });
  return { status: response.status, headers: response.headers, text: await response.text() };
}
const json = (text: string) => JSON.parse(text);
const exportSpec = (who: Who, app: string) => raw(exported.GET, "GET", { token: token[who], params: { team: "pay", app } });
const applySpec = (who: Who | undefined, yaml: string) =>
  raw(applied.PUT, "PUT", { token: who && token[who], params: { team: "pay" }, body: yaml });

beforeAll(async () => {
  const team = await db().team.create({ data: { slug: "pay", name: "Payments", namespace: "team-pay" } });
  for (const who of ["lead", "deployer", "viewer", "outsider"] as const) {
    const row = await db().user.create({
      data: { email: `${who}@pay.test`, issuer: "t", subject: who },
      select: { id: true, email: true, name: true, isPlatformAdmin: true },
    });
    user[who] = row;
    token[who] = (
      await createApiToken.run({ ctx: authorizeUser({ actor: { ...row, via: "session" } }), input: { name: "t", expiresInDays: 1 } })
    ).token;
    const role = { lead: "LEAD", deployer: "DEPLOYER", viewer: "VIEWER" }[who as Exclude<Who, "outsider">];
    if (role) await db().membership.create({ data: { teamId: team.id, userId: row.id, role: role as "LEAD" | "DEPLOYER" | "VIEWER" } });
  }
  const web = {
    name: "web",
    imageRepository: "registry.example.com/pay/web",
    containerPort: 8080,
    replicas: 2,
    env: [
      { name: "GREETING", value: "hello" },
      { name: "RETRIES", value: "3" },
    ],
    resources: { requests: { cpu: "100m", memory: "64Mi" } },
    healthCheckPath: "/healthz",
  };
  expect((await call(apps.POST, "POST", { token: token.lead, params: { team: "pay" }, body: web })).status).toBe(201);
});

describe("[apps] app spec YAML over the API", () => {
  it("exports an app as a YAML file any member can read", async () => {
    const res = await exportSpec("viewer", "web");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/yaml; charset=utf-8");
    expect(res.text).toContain("apiVersion: slipway.dev/v1\nkind: App\nmetadata:\n  name: web\n  team: pay\n");
    expect(res.text).toContain('value: "3"');
    expect((await exportSpec("outsider", "web")).status).toBe(403);
    expect((await raw(exported.GET, "GET", { params: { team: "pay", app: "web" } })).status).toBe(401);
    expect(json((await exportSpec("viewer", "nope")).text).error.code).toBe("NOT_FOUND");
  });

  it("applying the export under another name registers that app with the same settings", async () => {
    const yaml = (await exportSpec("viewer", "web")).text.replace("name: web", "name: web-copy");
    const res = await applySpec("deployer", yaml);
    expect(res.status).toBe(201);
    expect(json(res.text)).toMatchObject({ created: true, app: { name: "web-copy", replicas: 2, healthCheckPath: "/healthz" } });
    const copy = await db().app.findFirstOrThrow({ where: { name: "web-copy", team: { slug: "pay" } } });
    expect(copy).toMatchObject({
      imageRepository: "registry.example.com/pay/web",
      containerPort: 8080,
      env: [
        { name: "GREETING", value: "hello" },
        { name: "RETRIES", value: "3" },
      ],
    });
    expect((await exportSpec("viewer", "web-copy")).text).toBe(yaml);
  });

  it("applying a changed replicas updates the existing app and audits what changed", async () => {
    const yaml = (await exportSpec("viewer", "web")).text.replace("replicas: 2", "replicas: 5");
    const res = await applySpec("lead", yaml);
    expect(res.status).toBe(200);
    expect(json(res.text)).toMatchObject({ created: false, app: { name: "web", replicas: 5 } });
    expect(await db().app.count({ where: { team: { slug: "pay" } } })).toBe(2);
    const event = await db().auditEvent.findFirstOrThrow({ where: { action: "app.update" }, orderBy: { id: "desc" } });
    expect(event).toMatchObject({ actorEmail: "lead@pay.test", data: { app: "web", changed: ["replicas"] } });
  });

  it("a viewer cannot apply, and learns nothing from validation first", async () => {
    const res = await applySpec("viewer", "not: [valid");
    expect(res.status).toBe(403);
    expect(json(res.text).error.message).toMatch(/this needs Deployer or above/);
    expect((await applySpec("outsider", "x: 1")).status).toBe(403);
    expect((await applySpec(undefined, "x: 1")).status).toBe(401);
  });

  it("invalid specs are 400 naming the field and the line", async () => {
    const yaml = (await exportSpec("viewer", "web")).text;
    const tooMany = await applySpec("deployer", yaml.replace("replicas: 5", "replicas: 50"));
    expect(tooMany.status).toBe(400);
    const line = yaml.split("\n").findIndex((l) => l.includes("replicas: 5")) + 1;
    expect(json(tooMany.text).error).toEqual({
      requestId: expect.any(String),
      code: "INVALID_INPUT",
      message: `Invalid app spec. replicas: must be 0-20 (line ${line}).`,
      fields: { replicas: [`must be 0-20 (line ${line})`] },
    });

    const otherTeam = json((await applySpec("deployer", yaml.replace("team: pay", "team: search"))).text);
    expect(otherTeam.error.fields).toEqual({ "metadata.team": ['is "search", but this is applied to team pay (line 7)'] });

    const broken = await applySpec("deployer", "apiVersion: slipway.dev/v1\nmetadata: { name: web\n");
    expect(broken.status).toBe(400);
    expect(json(broken.text).error.fields.yaml[0]).toMatch(/^line \d+, column \d+: /);
    expect(await db().app.findFirstOrThrow({ where: { name: "web" }, select: { replicas: true } })).toEqual({ replicas: 5 });
  });
});

describe("[apps] an app's host", () => {
  // SLIPWAY_INGRESS_DOMAIN is unset here: team pay's hosts go under pay.localhost.
  const site = { name: "site", imageRepository: "registry.example.com/pay/site", containerPort: 8080, replicas: 1 };
  const register = (host: string) => call(apps.POST, "POST", { token: token.deployer, params: { team: "pay" }, body: { ...site, host } });

  it("must be under the team's domain, or the cluster would refuse its Ingress", async () => {
    const foreign = await register("site.search.localhost");
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.fields).toEqual({ host: ["must be under pay.localhost, like app.pay.localhost"] });
    expect((await register("site.pay.localhost")).status).toBe(201);
  });
});

describe("[apps] app spec download for signed-in people (the page's export link is the API's)", () => {
  const get = async (app: string, who?: Who) => {
    const headers: Record<string, string> = who ? { cookie: `next-auth.session-token=${await sessionCookie(user[who].id)}` } : {};
    return exported.GET(new Request(`http://slipway.test/api/v1/teams/pay/apps/${app}/spec`, { headers }), {
      params: Promise.resolve({ team: "pay", app }),
    });
  };

  it("is an attachment for members, and JSON errors otherwise", async () => {
    expect((await get("web")).status).toBe(401);
    const denied = await get("web", "outsider");
    expect(denied.status).toBe(403);
    expect((await denied.json()).error.code).toBe("FORBIDDEN");
    expect((await get("nope", "viewer")).status).toBe(404);
    const file = await get("web", "viewer");
    expect(file.status).toBe(200);
    expect(file.headers.get("content-disposition")).toBe('attachment; filename="web.slipway.yaml"');
    expect(await file.text()).toBe((await exportSpec("viewer", "web")).text);
  });
});
