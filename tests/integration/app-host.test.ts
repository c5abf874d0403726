/**
 * Issue 11, hole 2: a team cannot claim another team's Ingress host through the API,
 * whether it registers an app, edits one, or applies a spec file. (The cluster's
 * slipway-ingress-hosts policy refuses it too: tests/k8s/admission-policies.test.ts.)
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { authorizeUser } from "@/lib/authz/authorize";
import { createApiToken } from "@/lib/tokens/create-api-token";
import * as apps from "@/app/api/v1/teams/[team]/apps/route";
import * as app from "@/app/api/v1/teams/[team]/apps/[app]/route";
import * as spec from "@/app/api/v1/teams/[team]/apps/spec/route";
import * as exported from "@/app/api/v1/teams/[team]/apps/[app]/spec/route";
import { call, callRaw } from "../helpers/api";

let lead = "";
const web = { name: "web", imageRepository: "registry.example.com/pay/web", containerPort: 8080, replicas: 1 };

beforeAll(async () => {
  const team = await db().team.create({ data: { slug: "pay", name: "Payments", namespace: "team-pay" } });
  await db().team.create({ data: { slug: "search", name: "Search", namespace: "team-search" } });
  const user = await db().user.create({ data: { email: "lead@pay.test", issuer: "t", subject: "lead" } });
  await db().membership.create({ data: { teamId: team.id, userId: user.id, role: "LEAD" } });
  lead = (await createApiToken.run({ ctx: authorizeUser({ actor: { ...user, via: "session" } }), input: { name: "t", expiresInDays: 1 } }))
    .token;
});

describe("[apps] Ingress hosts through the API", () => {
  it("registers an app under the team's own domain", async () => {
    const created = await call(apps.POST, "POST", { token: lead, params: { team: "pay" }, body: { ...web, host: "web.pay.localhost" } });
    expect(created.status).toBe(201);
  });

  it.each(["web.search.localhost", "search.localhost", "evil.example.com", "pay.localhost.evil.example"])(
    "refuses %s on create, edit and spec apply",
    async (host) => {
      const created = await call(apps.POST, "POST", { token: lead, params: { team: "pay" }, body: { ...web, name: "other", host } });
      expect(created.status).toBe(400);
      expect(created.body.error.fields.host).toEqual(["must be under pay.localhost, like app.pay.localhost"]);

      const edited = await call(app.PUT, "PUT", { token: lead, params: { team: "pay", app: "web" }, body: { spec: { ...web, host } } });
      expect(edited.status).toBe(400);
      expect(edited.body.error.message).toMatch(/is not under this team's domain pay.localhost/);

      const current = await (await callRaw(exported.GET, "GET", { token: lead, params: { team: "pay", app: "web" } })).text();
      const yaml = current.replace("web.pay.localhost", host);
      expect(yaml).toContain(host);
      const applied = await callRaw(spec.PUT, "PUT", {
        token: lead,
        params: { team: "pay" },
        text: yaml,
        headers: { "content-type": "application/yaml" },
      });
      expect(applied.status).toBe(400);
      expect(await applied.text()).toMatch(/is not under this team's domain/);
      expect(await db().app.findMany({ where: { host } })).toEqual([]);
    },
  );
});
