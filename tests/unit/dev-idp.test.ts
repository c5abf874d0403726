import { createHash, randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDevIdp, type DevIdp } from "@/tools/dev-idp/provider";

const client = { clientId: "slipway-test", clientSecret: "test-secret", redirectUri: "http://127.0.0.1:9/api/auth/callback/oidc" };
let idp: DevIdp;

beforeAll(async () => {
  idp = await startDevIdp({
    host: "127.0.0.1",
    clientId: client.clientId,
    clientSecret: client.clientSecret,
    redirectUris: [client.redirectUri],
  });
});
afterAll(() => idp.stop());

/** A browser, minimally: keeps cookies and does not follow redirects. */
function browser() {
  const cookies = new Map<string, string>();
  return async (path: string, init: { method?: string; form?: Record<string, string> } = {}) => {
    const response = await fetch(new URL(path, idp.issuer), {
      method: init.method ?? (init.form ? "POST" : "GET"),
      redirect: "manual",
      headers: {
        cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join("; "),
        ...(init.form && { "content-type": "application/x-www-form-urlencoded" }),
      },
      body: init.form && new URLSearchParams(init.form).toString(),
    });
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(";");
      const [name, ...value] = pair!.split("=");
      cookies.set(name!, value.join("="));
    }
    return response;
  };
}

async function startAuthorization(go: ReturnType<typeof browser>) {
  const verifier = randomBytes(32).toString("base64url");
  const query = new URLSearchParams({
    client_id: client.clientId,
    response_type: "code",
    scope: "openid email profile",
    redirect_uri: client.redirectUri,
    state: "state-1",
    code_challenge: createHash("sha256").update(verifier).digest("base64url"),
    code_challenge_method: "S256",
  });
  const response = await go(`/auth?${query}`);
  expect(response.status).toBe(303);
  return { verifier, interaction: response.headers.get("location")! };
}

async function signInAs(go: ReturnType<typeof browser>, subject: string) {
  const { verifier, interaction } = await startAuthorization(go);
  const page = await go(interaction);
  expect(await page.text()).toContain("Lee Lead");
  const resume = await go(`${interaction}/login`, { form: { subject } });
  expect(resume.status).toBe(303);
  const callback = new URL((await go(resume.headers.get("location")!)).headers.get("location")!);
  expect(`${callback.origin}${callback.pathname}`).toBe(client.redirectUri);
  expect(callback.searchParams.get("state")).toBe("state-1");

  const token = await fetch(new URL("/token", idp.issuer), {
    method: "POST",
    headers: {
      authorization: `Basic ${Buffer.from(`${client.clientId}:${client.clientSecret}`).toString("base64")}`,
      "content-type": "application/x-www-form-urlencoded",
    },
    body: new URLSearchParams({
      grant_type: "authorization_code",
      code: callback.searchParams.get("code")!,
      redirect_uri: client.redirectUri,
      code_verifier: verifier,
    }),
  });
  expect(token.status).toBe(200);
  const { id_token } = (await token.json()) as { id_token: string };
  return JSON.parse(Buffer.from(id_token.split(".")[1]!, "base64url").toString()) as Record<string, unknown>;
}

describe("[dev-idp] development identity provider", () => {
  it("publishes OpenID discovery for its loopback issuer", async () => {
    expect(idp.issuer).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const discovery = (await (await fetch(`${idp.issuer}/.well-known/openid-configuration`)).json()) as Record<string, unknown>;
    expect(discovery.issuer).toBe(idp.issuer);
  });

  it("signs in a demo user with one click and puts email and name in the ID token", async () => {
    const claims = await signInAs(browser(), "dev-lead");
    expect(claims).toMatchObject({ iss: idp.issuer, sub: "dev-lead", email: "lead@slipway.test", email_verified: true, name: "Lee Lead" });
  });

  it("asks whom to sign in as again on the next sign-in, though its session is still there", async () => {
    const go = browser();
    await signInAs(go, "dev-lead");
    const { interaction } = await startAuthorization(go);
    expect(interaction).toMatch(/^\/interaction\//);
    expect(await (await go(interaction)).text()).toContain("Vic Viewer");
  });

  it("refuses an account that is not a demo user", async () => {
    const go = browser();
    const { interaction } = await startAuthorization(go);
    const response = await go(`${interaction}/login`, { form: { subject: "dev-mallory" } });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("There is no demo user");
  });
});
