/**
 * Secrets end to end through /api/v1 on a real database and the control plane: set
 * before and after the first deploy, replace (a new release with "DATABASE_URL changed
 * (v1 → v2)"), remove, re-set (v3). The value reaches the app's Secret and the pod spec
 * references it; viewers (and deployers) cannot read Secrets with their tokens; and the
 * value appears in no API answer, export, database column or log line.
 */
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { authorizeTeam, authorizeUser } from "@/lib/authz/authorize";
import type { TeamContext } from "@/lib/authz/team-context";
import { teamClient } from "@/lib/k8s";
import type { KubeClient } from "@/lib/k8s/client";
import { SECRETS_HASH_ANNOTATION, appSecretName } from "@/lib/k8s/manifests";
import { logger } from "@/lib/observability/logger";
import { setSecret } from "@/lib/secrets/set-secret";
import { createApiToken } from "@/lib/tokens/create-api-token";
import * as teams from "@/app/api/v1/teams/route";
import * as members from "@/app/api/v1/teams/[team]/members/route";
import * as apps from "@/app/api/v1/teams/[team]/apps/route";
import * as app from "@/app/api/v1/teams/[team]/apps/[app]/route";
import * as deploys from "@/app/api/v1/teams/[team]/apps/[app]/deploys/route";
import * as releases from "@/app/api/v1/teams/[team]/apps/[app]/releases/route";
import * as release from "@/app/api/v1/teams/[team]/apps/[app]/releases/[sequence]/route";
import * as status from "@/app/api/v1/teams/[team]/apps/[app]/status/route";
import * as spec from "@/app/api/v1/teams/[team]/apps/[app]/spec/route";
import * as secrets from "@/app/api/v1/teams/[team]/apps/[app]/secrets/route";
import * as secret from "@/app/api/v1/teams/[team]/apps/[app]/secrets/[name]/route";
import * as environments from "@/app/api/v1/teams/[team]/environments/route";
import * as audit from "@/app/api/v1/audit/route";
import * as auditExport from "@/app/api/v1/audit/export/route";
import type { RouteHandler } from "@/lib/adapters/api-route";
import { admin, expectClusterStatus, platform } from "./helpers";
import { call, type CallOptions } from "../helpers/api";
import { releaseOutcome } from "../helpers/release-outcome";

type Who = "admin" | "lead" | "deployer" | "viewer";
const token: Record<Who, string> = { admin: "", lead: "", deployer: "", viewer: "" };
const team = `vault-${Date.now().toString(36)}`;
const namespace = `team-${team}`;
const p = (extra: Record<string, string> = {}) => ({ team, app: "web", ...extra });
const VALUES: [string, string, string] = ["postgres://u:s3cr3t-v1-7f1c@db/x", "postgres://u:s3cr3t-v2-a9d4@db/x", "s3cr3t-v3-c0ffee"];

/** Every answer body of the flow, and every log line, to grep for the values at the end. */
const bodies: { what: string; text: string }[] = [];
const logLines: string[] = [];
let restoreLog: () => void = () => {};

async function api(what: string, handler: RouteHandler, method: string, who: Who, options: CallOptions = {}) {
  const answer = await call(handler, method, { token: token[who], ...options });
  bodies.push({ what, text: typeof answer.body === "string" ? answer.body : JSON.stringify(answer.body) });
  return answer;
}

const put = (who: Who, name: string, value: unknown, what = `set ${name}`) =>
  api(what, secret.PUT, "PUT", who, { params: p({ name }), body: { value } });

beforeAll(async () => {
  // Every line pino writes, at debug, whatever the configured level.
  const stream = (logger as unknown as Record<symbol, { write(line: string): unknown }>)[pino.symbols.streamSym]!;
  const write = stream.write.bind(stream);
  const level = logger.level;
  logger.level = "debug";
  stream.write = (line: string) => {
    logLines.push(line);
    return process.env.LOG_LEVEL === "debug" ? write(line) : true;
  };
  restoreLog = () => {
    stream.write = write;
    logger.level = level;
  };

  for (const who of Object.keys(token) as Who[]) {
    const user = await db().user.create({
      data: { email: `${who}@vault.test`, name: `${who} person`, isPlatformAdmin: who === "admin", issuer: "t", subject: `vault-${who}` },
    });
    token[who] = (
      await createApiToken.run({ ctx: authorizeUser({ actor: { ...user, via: "session" } }), input: { name: "t", expiresInDays: 1 } })
    ).token;
  }
  const created = await call(teams.POST, "POST", { token: token.admin, body: { slug: team, name: "Vault", leadEmail: "lead@vault.test" } });
  expect(created.body.provisioning).toEqual({ status: "provisioned", namespace });
  for (const [email, role] of [
    ["deployer@vault.test", "DEPLOYER"],
    ["viewer@vault.test", "VIEWER"],
  ]) {
    expect((await call(members.POST, "POST", { token: token.lead, params: { team }, body: { email, role } })).status).toBe(201);
  }
  const web = {
    name: "web",
    imageRepository: "registry.example.com/vault/web",
    containerPort: 8080,
    replicas: 1,
    env: [{ name: "GREETING", value: "hello" }],
    resources: { requests: { cpu: "50m", memory: "32Mi" } },
  };
  expect((await call(apps.POST, "POST", { token: token.lead, params: { team }, body: web })).status).toBe(201);
});

afterAll(() => restoreLog());

async function deployment() {
  return admin().apps.readNamespacedDeployment({ name: "web", namespace });
}

async function secretData(inNamespace = namespace): Promise<Record<string, string>> {
  const object = await admin().core.readNamespacedSecret({ name: appSecretName("web"), namespace: inNamespace });
  return Object.fromEntries(Object.entries(object.data ?? {}).map(([key, value]) => [key, Buffer.from(value, "base64").toString("utf8")]));
}

describe("[secrets] write-only values through the API, into the cluster", () => {
  it("refuses bad names, collisions, empty and oversized values, naming the field and never echoing the value", async () => {
    const bad = await put("deployer", "database-url", VALUES[0]);
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.name[0]).toMatch(/environment variable name/);
    const taken = await put("deployer", "GREETING", VALUES[0]);
    expect(taken.status).toBe(400);
    expect(taken.body.error.fields.name[0]).toMatch(/already a plain environment variable/);
    const empty = await put("deployer", "DATABASE_URL", "");
    expect(empty.body.error.fields.value).toEqual(["must not be empty"]);
    const big = await put("deployer", "DATABASE_URL", `${VALUES[0]}${"x".repeat(64 * 1024)}`, "oversized");
    expect(big.body.error.fields.value).toEqual(["must be at most 64 KiB"]);
    expect((await put("viewer", "DATABASE_URL", VALUES[0])).status).toBe(403);
  });

  it("before the first deploy, a deployer sets a secret: v1 stored, nothing rolled", async () => {
    const set = await put("deployer", "DATABASE_URL", VALUES[0]);
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({
      secret: { name: "DATABASE_URL", version: 1, setBy: { email: "deployer@vault.test" } },
      release: null,
    });
    expect(await secretData()).toEqual({ DATABASE_URL: VALUES[0] });
  });

  it("a deploy runs with the secret: the pod spec references the Secret, the template carries the versions' hash", async () => {
    const deployed = await api("deploy", deploys.POST, "POST", "deployer", { params: p(), body: { version: "v1" } });
    expect(deployed.status).toBe(202);
    const { release: first } = await releaseOutcome(deployed.body.release.id);
    expect(first.status).toBe("SUCCEEDED");
    expect((first.spec as { secrets?: unknown }).secrets).toEqual([{ name: "DATABASE_URL", version: 1 }]);

    const live = await deployment();
    const env = live.spec!.template.spec!.containers[0]!.env!;
    expect(env).toContainEqual({ name: "GREETING", value: "hello" });
    expect(env).toContainEqual({ name: "DATABASE_URL", valueFrom: { secretKeyRef: { name: "web-slipway-secrets", key: "DATABASE_URL" } } });
    expect(live.spec!.template.metadata!.annotations![SECRETS_HASH_ANNOTATION]).toMatch(/^[0-9a-f]{32}$/);
    const pods = await admin().core.listNamespacedPod({ namespace, labelSelector: "slipway.dev/app=web" });
    expect(pods.items.length).toBeGreaterThan(0);
    for (const pod of pods.items) {
      expect(pod.spec!.containers[0]!.env).toContainEqual(expect.objectContaining({ name: "DATABASE_URL", valueFrom: expect.anything() }));
    }
  });

  it("replacing the value rolls the app as a new release; its diff says DATABASE_URL changed (v1 → v2)", async () => {
    const hashBefore = (await deployment()).spec!.template.metadata!.annotations![SECRETS_HASH_ANNOTATION];
    const set = await put("deployer", "DATABASE_URL", VALUES[1]);
    expect(set.status).toBe(200);
    expect(set.body.secret.version).toBe(2);
    expect(set.body.release).toMatchObject({ sequence: 2, image: "registry.example.com/vault/web:v1" });
    const { release: rolled } = await releaseOutcome(set.body.release.id);
    expect(rolled.status).toBe("SUCCEEDED");
    expect(await secretData()).toEqual({ DATABASE_URL: VALUES[1] });
    expect((await deployment()).spec!.template.metadata!.annotations![SECRETS_HASH_ANNOTATION]).not.toBe(hashBefore);

    const diff = await api("release diff", release.GET, "GET", "viewer", { params: p({ sequence: "2" }) });
    expect(diff.body.changes).toEqual([
      { field: "secret.DATABASE_URL", before: "v1", after: "v2", summary: "DATABASE_URL changed (v1 → v2)" },
    ]);
    const requested = await db().auditEvent.findFirstOrThrow({ where: { action: "deploy.request", targetId: rolled.id } });
    expect(requested.data).toMatchObject({ sequence: 2, reason: "secret DATABASE_URL changed" });
  });

  it("viewers see names and versions only, and neither team token can read Secrets in the cluster", async () => {
    const list = await api("list", secrets.GET, "GET", "viewer", { params: p() });
    expect(list.body.secrets).toEqual([
      { name: "DATABASE_URL", version: 2, setBy: { email: "deployer@vault.test", name: "deployer person" }, setAt: expect.any(String) },
    ]);
    const name = appSecretName("web");
    const read = (client: KubeClient) =>
      client.call({ verb: "get", kind: "Secret", namespace, name }, () => client.core.readNamespacedSecret({ name, namespace }));
    const listAll = (client: KubeClient) =>
      client.call({ verb: "list", kind: "Secret", namespace }, () => client.core.listNamespacedSecret({ namespace }));
    for (const role of ["viewer", "deployer"] as const) {
      const client = teamClient(platform(), namespace, role);
      await expectClusterStatus(read(client), 403);
      await expectClusterStatus(listAll(client), 403);
    }
    // Slipway's own credential cannot read them either (deploy/rbac.yaml: no secrets at all).
    await expectClusterStatus(read(platform()), 403);
  });

  it("a forged Viewer context meets the cluster's refusal (the second wall), audited as failed", async () => {
    const viewer = await db().user.findUniqueOrThrow({ where: { email: "viewer@vault.test" } });
    const real = await authorizeTeam({ actor: { ...viewer, via: "session" }, teamSlug: team, permissions: ["app.read"] });
    const forged = { ...real } as unknown as TeamContext<"secret.write" | "app.deploy">;
    await expect(setSecret.run({ ctx: forged, input: { app: "web", name: "DATABASE_URL", value: VALUES[2] } })).rejects.toMatchObject({
      clusterStatus: 403,
    });
    expect(await secretData()).toEqual({ DATABASE_URL: VALUES[1] });
    // Intent before the cluster call, then the outcome naming it.
    const [intent, failed] = await db().auditEvent.findMany({
      where: { action: "secret.set", actorId: viewer.id },
      orderBy: { id: "asc" },
    });
    expect(intent!.data).toMatchObject({ name: "DATABASE_URL", result: "started" });
    expect(failed!.data).toMatchObject({ name: "DATABASE_URL", result: "failed", intentId: String(intent!.id) });
  });

  it("removing the secret rolls without it; setting the name again continues at v3", async () => {
    expect((await api("unset (viewer)", secret.DELETE, "DELETE", "viewer", { params: p({ name: "DATABASE_URL" }) })).status).toBe(403);
    const removed = await api("unset", secret.DELETE, "DELETE", "lead", { params: p({ name: "DATABASE_URL" }) });
    expect(removed.status).toBe(200);
    expect(removed.body).toMatchObject({ name: "DATABASE_URL", version: 2, release: { sequence: 3 } });
    expect((await releaseOutcome(removed.body.release.id)).release.status).toBe("SUCCEEDED");
    expect(await secretData()).toEqual({});
    const live = await deployment();
    expect(live.spec!.template.spec!.containers[0]!.env!.map((v) => v.name)).toEqual(["GREETING"]);
    expect(live.spec!.template.metadata!.annotations?.[SECRETS_HASH_ANNOTATION]).toBeUndefined();
    expect((await api("list after unset", secrets.GET, "GET", "viewer", { params: p() })).body.secrets).toEqual([]);
    expect((await api("unset again", secret.DELETE, "DELETE", "lead", { params: p({ name: "DATABASE_URL" }) })).status).toBe(404);

    const again = await put("lead", "DATABASE_URL", VALUES[2]);
    expect(again.body).toMatchObject({ secret: { version: 3 }, release: { sequence: 4 } });
    expect((await releaseOutcome(again.body.release.id)).release.status).toBe("SUCCEEDED");
    expect(await secretData()).toEqual({ DATABASE_URL: VALUES[2] });
  });

  it("a plain env var cannot take a secret's name", async () => {
    const current = await call(app.GET, "GET", { token: token.lead, params: p() });
    const spec = { ...current.body.spec, env: [...current.body.spec.env, { name: "DATABASE_URL", value: "plain" }] };
    const refused = await call(app.PUT, "PUT", { token: token.lead, params: p(), body: { spec } });
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields["spec.env.1.name"][0]).toMatch(/is a secret of this app/);
  });

  it("each environment has its own values: a secret set in qa is in qa's Secret, list and release only", async () => {
    const created = await call(environments.POST, "POST", { token: token.lead, params: { team }, body: { name: "qa" } });
    expect(created.status).toBe(201);
    const qa = `team-${team}-qa`;
    const deployed = await call(deploys.POST, "POST", {
      token: token.deployer,
      params: p(),
      body: { version: "1.0.0", environment: "qa" },
    });
    expect((await releaseOutcome(deployed.body.release.id)).release.status).toBe("SUCCEEDED");

    const set = await api("set in qa", secret.PUT, "PUT", "deployer", {
      params: p({ name: "QA_TOKEN" }),
      body: { value: VALUES[0], environment: "qa" },
    });
    expect(set.status).toBe(200);
    expect(set.body.secret).toMatchObject({ name: "QA_TOKEN", version: 1 });
    const rolled = await releaseOutcome(set.body.release.id);
    expect(rolled.release).toMatchObject({ status: "SUCCEEDED", environmentId: expect.any(String) });
    expect((rolled.release.spec as { secrets?: unknown }).secrets).toEqual([{ name: "QA_TOKEN", version: 1 }]);

    // In qa's namespace only; production keeps exactly what it had.
    expect(await secretData(qa)).toEqual({ QA_TOKEN: VALUES[0] });
    expect(await secretData()).toEqual({ DATABASE_URL: VALUES[2] });
    const qaEnv = (await admin().apps.readNamespacedDeployment({ name: "web", namespace: qa })).spec!.template.spec!.containers[0]!.env!;
    expect(qaEnv.map((v) => v.name)).toEqual(["GREETING", "QA_TOKEN"]);
    const names = async (query: Record<string, string>) =>
      (await api("list", secrets.GET, "GET", "viewer", { params: p(), query })).body.secrets.map((s: { name: string }) => s.name);
    expect(await names({ environment: "qa" })).toEqual(["QA_TOKEN"]);
    expect(await names({})).toEqual(["DATABASE_URL"]);
    const elsewhere = await api("unset in production", secret.DELETE, "DELETE", "lead", { params: p({ name: "QA_TOKEN" }) });
    expect(elsewhere.status).toBe(404);
    expect(elsewhere.body.error.message).toBe("web has no secret QA_TOKEN in production.");
    const event = await db().auditEvent.findFirst({ where: { action: "secret.set", data: { path: ["name"], equals: "QA_TOKEN" } } });
    expect(event!.data).toMatchObject({ environment: "qa", version: 1 });
  });

  it("no value in any answer of the flow, the spec export, the activity list and export, the database, or a log line", async () => {
    await api("app", app.GET, "GET", "deployer", { params: p() });
    await api("releases", releases.GET, "GET", "deployer", { params: p() });
    await api("status", status.GET, "GET", "deployer", { params: p() });
    for (const sequence of ["1", "3", "4"]) await api(`diff ${sequence}`, release.GET, "GET", "lead", { params: p({ sequence }) });
    const yaml = await api("spec export", spec.GET, "GET", "viewer", { params: p() });
    expect(yaml.body).toContain("Secrets (values are write-only; set them with slipway secrets set): DATABASE_URL");
    const activity = await api("activity", audit.GET, "GET", "lead", { query: { team, limit: "100" } });
    expect(activity.body.events.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(["secret.set", "secret.unset"]));
    await api("audit csv", auditExport.GET, "GET", "lead", { query: { team, format: "csv" } });
    await api("audit json", auditExport.GET, "GET", "admin", { query: { format: "json" } });

    for (const value of VALUES) {
      for (const { what, text } of bodies) expect(text.includes(value), `${what} answer contains a secret value`).toBe(false);
      expect(
        logLines.some((line) => line.includes(value)),
        "a log line contains a secret value",
      ).toBe(false);
    }
    expect(logLines.length).toBeGreaterThan(0);
    expect(bodies.length).toBeGreaterThan(20);

    // Every text and JSON column of every table, as text.
    const columns = await db().$queryRaw<{ table_name: string; column_name: string }[]>`
      SELECT table_name, column_name FROM information_schema.columns
      WHERE table_schema = current_schema() AND data_type IN ('text', 'character varying', 'character', 'json', 'jsonb')`;
    expect(columns.length).toBeGreaterThan(20);
    for (const { table_name, column_name } of columns) {
      for (const value of VALUES) {
        const hits = await db().$queryRawUnsafe<{ n: number }[]>(
          `SELECT count(*)::int AS n FROM "${table_name}" WHERE strpos("${column_name}"::text, $1) > 0`,
          value,
        );
        expect(hits[0]!.n, `${table_name}.${column_name} holds a secret value`).toBe(0);
      }
    }
    const stored = await db().appSecret.findMany({ where: { app: { name: "web", team: { slug: team } } }, orderBy: { name: "asc" } });
    expect(stored.map(({ name, version, removedAt }) => ({ name, version, removedAt }))).toEqual([
      { name: "DATABASE_URL", version: 3, removedAt: null },
      { name: "QA_TOKEN", version: 1, removedAt: null },
    ]);
  });
});
