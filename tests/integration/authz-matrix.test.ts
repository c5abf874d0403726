/**
 * The authorization matrix, generated from the use-case descriptors: every /api/v1
 * operation (lib/adapters/operations.ts) x every kind of caller x bearer token and
 * session cookie. What each caller should get follows from the descriptor's scope and
 * the permission table, so a new operation is covered without editing this file; the
 * SAMPLES below only make the allowed calls succeed instead of failing validation.
 * Every JSON answer is checked against the OpenAPI document's schema for it.
 */
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { encode } from "next-auth/jwt";
import { beforeAll, describe, expect, it } from "vitest";
import { apiRoute } from "@/lib/adapters/api-route";
import { openApiDocument } from "@/lib/adapters/openapi";
import { OPERATIONS } from "@/lib/adapters/operations";
import { authorizeUser } from "@/lib/authz/authorize";
import { roleAllows } from "@/lib/authz/permissions";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { createApiToken } from "@/lib/tokens/create-api-token";
import { startCliLogin } from "@/lib/cli-login/start-cli-login";
import { sealSecret } from "@/lib/crypto/secret-box";
import type { AnyUseCase, HttpMethod, Routed } from "@/lib/usecase/define";
import { call, type CallOptions } from "../helpers/api";
import { sessionCookie } from "../helpers/session";

type Caller = "none" | "expired" | "revoked" | "outsider" | "viewer" | "deployer" | "lead" | "otherLead" | "admin";
const CALLERS: Caller[] = ["none", "expired", "revoked", "outsider", "viewer", "deployer", "lead", "otherLead", "admin"];
const ROLE_IN_ALPHA: Partial<Record<Caller, Role>> = {
  viewer: "VIEWER",
  deployer: "DEPLOYER",
  lead: "LEAD",
  expired: "LEAD",
  revoked: "LEAD",
};
type Mode = "bearer" | "cookie";

const tokenOf = {} as Record<Caller, string | undefined>;
const cookieOf = {} as Record<Caller, string | undefined>;
const userOf = {} as Record<Caller, { id: string; email: string }>;
let counter = 0;
const unique = () => `${++counter}`;

const appBody = { name: "web", imageRepository: "registry.example.com/alpha/web", containerPort: 8080, replicas: 1 };
const alphaId = () =>
  db()
    .team.findUniqueOrThrow({ where: { slug: "alpha" } })
    .then((team) => team.id);

/** A fresh member of alpha, to be changed or removed by one cell. */
async function freshMember() {
  const user = await db().user.create({ data: { email: `member${unique()}@example.com` } });
  await db().membership.create({ data: { teamId: await alphaId(), userId: user.id, role: "VIEWER" } });
  return user.id;
}

/** A fresh pending access request to alpha, by someone else, to be decided by one cell. */
async function freshAccessRequest() {
  const user = await db().user.create({ data: { email: `asker${unique()}@example.com` } });
  const request = await db().accessRequest.create({
    data: { teamId: await alphaId(), requesterId: user.id, role: "VIEWER", reason: "matrix", expiresAt: new Date(Date.now() + 3_600_000) },
  });
  return request.id;
}

/** A fresh app of alpha, to be archived by one cell. */
async function freshApp(options: { archived?: boolean } = {}) {
  const name = `old-${unique()}`;
  await db().app.create({ data: { ...appBody, name, teamId: await alphaId(), archivedAt: options.archived ? new Date() : null } });
  return name;
}

/** A fresh webhook of alpha with one delivery, to be changed or deleted by one cell. */
async function freshWebhook() {
  const webhook = await db().webhook.create({
    data: {
      teamId: await alphaId(),
      url: "http://127.0.0.1:9/hook",
      events: ["deploy.failed"],
      secretEncrypted: sealSecret("whsec_matrix"),
    },
  });
  const delivery = await db().webhookDelivery.create({
    data: { webhookId: webhook.id, eventId: crypto.randomUUID(), eventType: "deploy.failed", payload: {}, status: "FAILED" },
  });
  return { webhookId: webhook.id, deliveryId: delivery.id.toString() };
}

/**
 * Inputs that make an allowed call succeed. Team operations run against team "alpha"
 * and its app "web" unless said otherwise. Operations that need the cluster answer 503
 * here (the integration suite has none); that still proves the caller got past the checks.
 */
const SAMPLES: Record<
  string,
  (caller: Caller) => Promise<Omit<CallOptions, "token" | "session">> | Omit<CallOptions, "token" | "session">
> = {
  createTeam: (c) => ({ body: { slug: `new-${c.toLowerCase()}-${unique()}`, name: "New" } }),
  addMember: () => ({ body: { email: `grant-${unique()}@example.com`, role: "VIEWER" } }),
  changeMemberRole: async () => ({ params: { userId: await freshMember() }, body: { role: "DEPLOYER" } }),
  removeMember: async () => ({ params: { userId: await freshMember() } }),
  createApp: () => ({ body: { ...appBody, name: `app-${unique()}` } }),
  applyAppSpec: () => ({
    text: `apiVersion: slipway.dev/v1\nkind: App\nmetadata:\n  name: spec-${unique()}\nspec:\n  imageRepository: registry.example.com/alpha/x\n  containerPort: 80\n  replicas: 1\n`,
  }),
  updateApp: () => ({ body: { spec: appBody } }),
  archiveApp: async () => ({ params: { app: await freshApp() } }),
  unarchiveApp: async () => ({ params: { app: await freshApp({ archived: true }) } }),
  scaleApp: () => ({ body: { replicas: 2 } }),
  deployApp: () => ({ body: { version: "v1.0.0" } }),
  rollbackRelease: () => ({ body: { sequence: 1 } }),
  promoteRelease: async () => {
    await alphaEnvironments();
    return { body: { from: "staging", to: "production", sequence: PROMOTABLE } };
  },
  approveRelease: async () => ({ params: { sequence: String(await awaitingApproval()) } }),
  rejectRelease: async () => ({ params: { sequence: String(await awaitingApproval()) }, body: { reason: "matrix" } }),
  updateEnvironment: async () => {
    await alphaEnvironments();
    return { params: { environment: "staging" }, body: { requiresApproval: false } };
  },
  getRelease: () => ({ params: { sequence: "1" } }),
  streamReleaseEvents: () => ({ params: { sequence: "1" } }),
  streamAppLogs: () => ({ query: { pod: "web-0" } }),
  downloadAppLogs: () => ({ query: { pod: "web-0" } }),
  createApiToken: () => ({ body: { name: "ci", expiresInDays: 7 } }),
  // A team of its own per cell: nobody is a member yet, and nobody has asked it before.
  requestAccess: async () => {
    const slug = `ask-${unique()}`;
    await db().team.create({ data: { slug, name: slug, namespace: `team-${slug}` } });
    return { params: { team: slug }, body: { role: "VIEWER", reason: "matrix" } };
  },
  approveAccessRequest: async () => ({ params: { requestId: await freshAccessRequest() } }),
  denyAccessRequest: async () => ({ params: { requestId: await freshAccessRequest() }, body: { reason: "matrix" } }),
  setAccessSettings: () => ({ body: { accessMaxHours: 100 } }),
  startCliLogin: () => ({ body: { clientName: "matrix@test" } }),
  collectCliLogin: async () => ({ body: { secret: (await pendingCliLogin()).secret } }),
  getCliLogin: async () => ({ params: { code: (await pendingCliLogin()).code } }),
  approveCliLogin: async () => ({ params: { code: (await pendingCliLogin()).code } }),
  setUserDisabled: async () => ({
    params: { userId: (await db().user.create({ data: { email: `d${unique()}@example.com` } })).id },
    body: { disabled: true },
  }),
  registerCluster: () => ({ body: { name: `c${unique()}`, server: "https://k8s.example.com:6443", token: "platform-credential" } }),
  checkCluster: () => ({ params: { cluster: "default" } }),
  createEnvironment: () => ({ body: { name: `env${unique()}` } }),
  unlinkUserIdentity: async () => ({ params: { userId: (await db().user.create({ data: { email: `u${unique()}@example.com` } })).id } }),
  createWebhook: () => ({ body: { url: "http://127.0.0.1:9/hook", events: ["deploy.failed"] } }),
  updateWebhook: async () => ({ params: { webhookId: (await freshWebhook()).webhookId }, body: { active: false } }),
  deleteWebhook: async () => ({ params: { webhookId: (await freshWebhook()).webhookId } }),
  rotateWebhookSecret: async () => ({ params: { webhookId: (await freshWebhook()).webhookId } }),
  listWebhookDeliveries: async () => ({ params: { webhookId: (await freshWebhook()).webhookId } }),
  redeliverWebhook: async () => ({ params: await freshWebhook() }),
  setSecret: () => ({ params: { name: `API_KEY_${unique()}` }, body: { value: "matrix-value" } }),
  unsetSecret: async () => {
    const name = `OLD_KEY_${unique()}`;
    const app = await db().app.findFirstOrThrow({ where: { name: "web", team: { slug: "alpha" } } });
    await alphaEnvironments();
    const environment = await db().environment.findUniqueOrThrow({ where: { teamId_name: { teamId: app.teamId, name: "production" } } });
    await db().appSecret.create({ data: { appId: app.id, environmentId: environment.id, name, version: 1, setAt: new Date() } });
    return { params: { name } };
  },
  revokeApiToken: async () => {
    // The lead's own token: only the lead may revoke it; to anyone else it does not exist.
    const ctx = authorizeUser({ actor: { ...userOf.lead, name: null, isPlatformAdmin: false, via: "session" } });
    const { id } = await createApiToken.run({ ctx, input: { name: "x", expiresInDays: 1 } });
    return { params: { tokenId: id } };
  },
};

const PROMOTABLE = 900;
let environmentsMade: Promise<void> | undefined;
/** alpha's production (its own namespace, first: the default) and staging, with a succeeded release there to promote. */
const alphaEnvironments = () =>
  (environmentsMade ??= (async () => {
    const alpha = await db().team.findUniqueOrThrow({ where: { slug: "alpha" } });
    // setSecret saves the default environment of a team made without one (as the matrix's are), so it may be there already.
    await db().environment.upsert({
      where: { teamId_name: { teamId: alpha.id, name: "production" } },
      create: { teamId: alpha.id, name: "production", namespace: "team-alpha" },
      update: {},
    });
    const staging = await db().environment.create({ data: { teamId: alpha.id, name: "staging", namespace: "team-alpha-staging" } });
    const web = await db().app.findFirstOrThrow({ where: { name: "web", teamId: alpha.id } });
    const image = `${appBody.imageRepository}@sha256:${"b".repeat(64)}`;
    await db().release.create({
      data: {
        appId: web.id,
        sequence: PROMOTABLE,
        image,
        spec: { image, imageRepository: appBody.imageRepository, containerPort: 8080, replicas: 1, env: [], resources: {} },
        status: "SUCCEEDED",
        environmentId: staging.id,
        requestedById: userOf.lead.id,
      },
    });
  })());

let awaitingSequence = 1000;
/** A release someone else (no matrix caller) asked for, waiting for approval. */
async function awaitingApproval() {
  const web = await db().app.findFirstOrThrow({ where: { name: "web", team: { slug: "alpha" } } });
  const requester = await db().user.create({ data: { email: `asker-${unique()}@example.com` } });
  const sequence = awaitingSequence++;
  const image = `${appBody.imageRepository}:v9`;
  await db().release.create({
    data: { appId: web.id, sequence, image, spec: { image }, status: "AWAITING_APPROVAL", requestedById: requester.id },
  });
  return sequence;
}

/** A fresh `slipway login` waiting for approval. */
const pendingCliLogin = () => startCliLogin.run({ ctx: { request: {} }, input: { clientName: "matrix@test" } });

/** What the caller should get: "denied" with its status, or allowed (any answer but 401/403/500). */
function expectation(useCase: AnyUseCase, caller: Caller): { denied: 401 | 403 | 404 } | { allowed: true } {
  if (useCase.scope === "public") return { allowed: true };
  if (caller === "none" || caller === "expired" || caller === "revoked") return { denied: 401 };
  if (useCase.scope === "user") {
    if (useCase.name === "revokeApiToken" && caller !== "lead") return { denied: 404 };
    return { allowed: true };
  }
  if (caller === "admin") return { allowed: true };
  if (useCase.scope === "admin") return { denied: 403 };
  const role = ROLE_IN_ALPHA[caller] ?? null;
  return useCase.permissions.every((permission: Parameters<typeof roleAllows>[1]) => roleAllows(role, permission))
    ? { allowed: true }
    : { denied: 403 };
}

const ajv = addFormats(new Ajv2020({ strict: false, allErrors: true }));
/** The documented schema of an operation's JSON answer with this status, if any. */
function responseSchema(useCase: Routed<AnyUseCase>, status: number, contentType: string) {
  const doc = openApiDocument() as unknown as {
    paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: object }> }> }>>;
  };
  const response = doc.paths[useCase.route.path]![useCase.route.method.toLowerCase()]!.responses[String(status)];
  return response?.content?.[contentType.split(";")[0]!.trim()]?.schema;
}
function validateAnswer(useCase: Routed<AnyUseCase>, status: number, body: unknown, contentType: string) {
  if (status >= 400) {
    expect(body).toMatchObject({ error: { code: expect.any(String), message: expect.any(String), requestId: expect.any(String) } });
    return;
  }
  const schema = responseSchema(useCase, status, contentType);
  expect(schema, `${useCase.name} documents status ${status} as ${contentType}`).toBeDefined();
  if (useCase.route.produces) return;
  const validate = ajv.compile(schema!);
  expect(validate(body) ? [] : validate.errors, `${useCase.name} answer matches its schema`).toEqual([]);
}

beforeAll(async () => {
  const alpha = await db().team.create({ data: { slug: "alpha", name: "Alpha", namespace: "team-alpha" } });
  const beta = await db().team.create({ data: { slug: "beta", name: "Beta", namespace: "team-beta" } });
  for (const caller of ["outsider", "viewer", "deployer", "lead", "otherLead", "admin", "expired", "revoked"] as const) {
    const user = await db().user.create({
      data: {
        email: `${caller.toLowerCase()}@example.com`,
        name: caller,
        isPlatformAdmin: caller === "admin",
        issuer: "test",
        subject: caller,
      },
    });
    userOf[caller] = user;
    const ctx = authorizeUser({ actor: { ...user, via: "session" } });
    tokenOf[caller] = (await createApiToken.run({ ctx, input: { name: "matrix", expiresInDays: 30 } })).token;
    cookieOf[caller] = await sessionCookie(user.id);
    const role = ROLE_IN_ALPHA[caller];
    if (role) await db().membership.create({ data: { teamId: alpha.id, userId: user.id, role } });
  }
  await db().membership.create({ data: { teamId: beta.id, userId: userOf.otherLead.id, role: "LEAD" } });
  const web = await db().app.create({ data: { ...appBody, teamId: alpha.id } });
  await db().release.create({
    data: {
      appId: web.id,
      sequence: 1,
      image: `${appBody.imageRepository}:v0`,
      spec: {
        image: `${appBody.imageRepository}:v0`,
        imageRepository: appBody.imageRepository,
        containerPort: 8080,
        replicas: 1,
        env: [],
        resources: {},
      },
      status: "SUCCEEDED",
      requestedById: userOf.lead.id,
    },
  });
  await db().apiToken.updateMany({ where: { userId: userOf.expired.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
  await db().apiToken.updateMany({ where: { userId: userOf.revoked.id }, data: { revokedAt: new Date() } });
  // Session cookies that no longer count: one past its expiry, one sealed with another secret.
  cookieOf.expired = await encode({ token: { sub: userOf.expired.id }, secret: "x".repeat(32), maxAge: -60 });
  cookieOf.revoked = await encode({ token: { sub: userOf.revoked.id }, secret: "not-slipways-secret-not-slipways", maxAge: 3600 });
  cookieOf.none = undefined;
  tokenOf.none = undefined;
});

describe("[authz] /api/v1 matrix from the descriptors", () => {
  for (const useCase of OPERATIONS) {
    const handlers = apiRoute(useCase);
    const { method, path } = useCase.route as { method: HttpMethod; path: string };
    for (const mode of ["bearer", "cookie"] as Mode[]) {
      for (const caller of CALLERS) {
        const expected = expectation(useCase, caller);
        const label = "denied" in expected ? expected.denied : "allowed";
        it(`${method} ${path} as ${caller} (${mode}) -> ${label}`, async () => {
          const sample = await (SAMPLES[useCase.name]?.(caller) ?? {});
          const credential = mode === "bearer" ? { token: tokenOf[caller] } : { session: cookieOf[caller] };
          // Only the parameters this path has: the others would be unknown input.
          const pathNames = [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!);
          const defaults: Record<string, string> = { team: "alpha", app: "web", ...sample.params };
          const params = Object.fromEntries(pathNames.map((name) => [name, defaults[name]!]));
          const { status, body, headers } = await call(handlers[method], method, { ...sample, ...credential, params });
          expect(status).not.toBe(500);
          if ("denied" in expected) {
            expect(status).toBe(expected.denied);
            expect(body.error.code).toBe({ 401: "UNAUTHENTICATED", 403: "FORBIDDEN", 404: "NOT_FOUND" }[expected.denied]);
          } else {
            expect([401, 403]).not.toContain(status);
            if (SAMPLES[useCase.name] || !["POST", "PUT", "PATCH"].includes(method)) expect([200, 201, 202, 503]).toContain(status);
          }
          validateAnswer(useCase, status, body, headers.get("content-type") ?? "");
        });
      }
    }
  }

  it("covers every operation", () => {
    expect(OPERATIONS.length).toBeGreaterThanOrEqual(32);
  });

  it("an unknown team is 404 for everyone", async () => {
    const getTeam = OPERATIONS.find((o) => o.name === "getTeam")!;
    expect((await call(apiRoute(getTeam).GET, "GET", { token: tokenOf.admin, params: { team: "nope" } })).status).toBe(404);
  });

  it("checks access before input: an outsider with a bad body learns nothing", async () => {
    const addMember = OPERATIONS.find((o) => o.name === "addMember")!;
    const res = await call(apiRoute(addMember).POST, "POST", {
      token: tokenOf.outsider,
      params: { team: "alpha" },
      body: { email: "nope" },
    });
    expect(res.status).toBe(403);
  });

  it("a forbidden answer names the role needed and the team's leads", async () => {
    const addMember = OPERATIONS.find((o) => o.name === "addMember")!;
    const res = await call(apiRoute(addMember).POST, "POST", {
      token: tokenOf.viewer,
      params: { team: "alpha" },
      body: { email: "x@example.com", role: "VIEWER" },
    });
    expect(res.body.error.message).toMatch(
      /You are a Viewer of Alpha; this needs Lead or above\. Ask a lead of Alpha: .*lead@example\.com/,
    );
  });

  it("a cookie request that changes state must carry this site's Origin", async () => {
    const createToken = OPERATIONS.find((o) => o.name === "createApiToken")!;
    const post = (headers: Record<string, string>) =>
      call(apiRoute(createToken).POST, "POST", { session: cookieOf.viewer, body: { name: "x", expiresInDays: 1 }, headers });
    const foreign = await post({ origin: "https://evil.example" });
    expect(foreign.status).toBe(403);
    expect(foreign.body.error.message).toMatch(/Origin/);
    expect((await post({ origin: "" })).status).toBe(403);
    expect((await post({})).status).toBe(201);
    // A token is not a cookie: no browser sends it by itself, so no Origin is needed.
    expect((await call(apiRoute(createToken).POST, "POST", { token: tokenOf.viewer, body: { name: "x" } })).status).toBe(201);
    expect(await db().apiToken.count({ where: { userId: userOf.viewer.id, name: "x" } })).toBe(2);
  });

  it("a method a path does not have is 405 with Allow", async () => {
    const listApps = OPERATIONS.find((o) => o.name === "listApps")!;
    const createApp = OPERATIONS.find((o) => o.name === "createApp")!;
    const handlers = apiRoute(listApps, createApp);
    const res = await call(handlers.DELETE, "DELETE", { token: tokenOf.lead, params: { team: "alpha" } });
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("GET, POST, HEAD, OPTIONS");
    expect(res.body.error.code).toBe("METHOD_NOT_ALLOWED");
  });

  it("the audit chain verifies after all of it", async () => {
    expect(await verifyAuditChain({ db: db() })).toMatchObject({ ok: true });
  });
});
