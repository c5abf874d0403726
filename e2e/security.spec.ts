import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { signInAs } from "./fixtures/sign-in";

/** Where a redirect's Location leads, resolved as a browser does (which drops tabs and newlines). */
function redirectTarget(location: string | undefined, base: string) {
  return new URL((location ?? "").replace(/[\t\n\r]/g, ""), base);
}

/** Records what the browser reports as a Content-Security-Policy violation, and uncaught errors. */
function watchForViolations(page: Page) {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  page.on("pageerror", (error) => violations.push(`page error: ${error.message}`));
  return violations;
}

test("[security] /signin sends a signed-in person only to paths on this site", async ({ page, baseURL }) => {
  await signInAs(page, "viewer@slipway.test");
  const tricks = [
    "/%09/evil.example/",
    "/%0A/evil.example/",
    "/%5C%5Cevil.example",
    "/%09%5Cevil.example",
    "/.//evil.example",
    "//evil.example",
  ];
  for (const trick of tricks) {
    const response = await page.request.get(`/signin?callbackUrl=${trick}`, { maxRedirects: 0 });
    expect(response.status(), trick).toBe(307);
    const target = redirectTarget(response.headers().location, baseURL!);
    expect(target.origin, trick).toBe(new URL(baseURL!).origin);
    expect(target.pathname, trick).toBe("/");
  }
  const kept = await page.request.get("/signin?callbackUrl=%2Fteams%2Fpayments%3Ftab%3Dapps", { maxRedirects: 0 });
  expect(redirectTarget(kept.headers().location, baseURL!).href).toBe(new URL("/teams/payments?tab=apps", baseURL).href);
});

test("[security] odd callbackUrls and a planted callback-url cookie get no 500", async ({ page, request }) => {
  const odd = ["/%0A", "/%0D", "/%00", "/%E2%82%AC", "/teams?x=%E2%82%AC", "foo", "%E2%82%AC", "http://%5B"];
  const signedOut = [
    ...odd.map((value) => `/signin?callbackUrl=${value}`),
    ...["session", "csrf", "providers", "signin", "signin/oidc", "callback/oidc"].flatMap((route) =>
      odd.map((value) => `/api/auth/${route}?callbackUrl=${value}`),
    ),
  ];
  for (const url of signedOut) {
    const response = await request.get(url, { maxRedirects: 0 });
    expect(response.status(), url).toBeLessThan(500);
  }
  // What next-auth cannot parse is refused before it gets there.
  expect((await request.get("/api/auth/session?callbackUrl=foo")).status()).toBe(400);

  for (const value of ["x", "%E2%82%AC", "http%3A%2F%2F%5B"]) {
    const session = await request.get("/api/auth/session", { headers: { cookie: `next-auth.callback-url=${value}` } });
    expect(session.status(), value).toBe(200);
    expect((await request.get("/api/auth/csrf", { headers: { cookie: `next-auth.callback-url=${value}` } })).status(), value).toBe(200);
  }

  await signInAs(page, "viewer@slipway.test");
  for (const value of odd) {
    const response = await page.request.get(`/signin?callbackUrl=${value}`, { maxRedirects: 0 });
    expect(response.status(), value).toBe(307);
  }
  const { csrfToken } = await (await page.request.get("/api/auth/csrf")).json();
  for (const callbackUrl of ["foo", "/\n", "/€", "https://evil.example/"]) {
    const signIn = await page.request.post("/api/auth/signin/oidc", { form: { csrfToken, callbackUrl, json: "true" } });
    expect(signIn.status(), callbackUrl).toBe(200);
  }
});

test("[security] TRACE is refused with 405, not a 500", async ({ request }) => {
  for (const path of ["/", "/signin", "/api/healthz", "/api/v1/teams"]) {
    const response = await request.fetch(path, { method: "TRACE" });
    expect(response.status(), path).toBe(405);
    expect(response.headers().allow).toContain("GET");
  }
});

async function expectFixedHeaders(request: APIRequestContext, path: string) {
  const response = await request.get(path, { maxRedirects: 0 });
  const headers = response.headers();
  expect(headers["x-content-type-options"], path).toBe("nosniff");
  expect(headers["x-frame-options"], path).toBe("DENY");
  expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"], path).toContain("camera=()");
  // The e2e server is plain http: no HSTS.
  expect(headers["strict-transport-security"], path).toBeUndefined();
  return response;
}

test("[security] every response carries the security headers; pages a nonce CSP", async ({ page, request }) => {
  const signin = await page.goto("/signin");
  const csp = (await signin!.allHeaders())["content-security-policy"];
  const nonce = /'nonce-([^']+)'/.exec(csp ?? "")?.[1];
  expect(nonce).toBeTruthy();
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  const scripts = await page.locator("script").evaluateAll((elements) => elements.map((element) => (element as HTMLScriptElement).nonce));
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.every((value) => value === nonce)).toBe(true);
  // A fresh one per response.
  expect((await request.get("/signin")).headers()["content-security-policy"]).not.toContain(nonce);

  await expectFixedHeaders(request, "/signin");
  await expectFixedHeaders(request, "/"); // the redirect to /signin
  const health = await expectFixedHeaders(request, "/api/healthz");
  expect(health.headers()["content-security-policy"]).toContain("default-src 'none'");
  const unauthenticated = await expectFixedHeaders(request, "/api/anything");
  expect(unauthenticated.status()).toBe(401);
  const chunk = /<script src="([^"]+\.js)"/.exec(await signin!.text())?.[1];
  expect(chunk).toBeTruthy();
  await expectFixedHeaders(request, chunk!);
});

test("[security] pages work under the CSP: sign-in, dashboard, team, app, live rollout, activity, tokens", async ({ page }) => {
  const violations = watchForViolations(page);
  // The sign-in buttons fetch /api/auth/csrf and /api/auth/providers from the browser.
  await signInAs(page, "deployer@slipway.test", "/teams/payments/apps/api");
  await page.getByLabel("Image tag or digest").fill("1.0.0");
  await page.getByRole("button", { name: "Deploy", exact: true }).click();
  // Pushed over the EventSource (connect-src 'self').
  await expect(page.getByTestId("release-status")).toHaveText("Succeeded", { timeout: 45_000 });

  for (const [path, heading] of [
    ["/", "Slipway"],
    ["/teams", "Teams"],
    ["/teams/payments", "Payments"],
    ["/teams/payments/apps/api", "api"],
    ["/teams/payments/apps/api/releases/1", /release #1/],
    ["/activity", "Activity"],
    ["/settings/tokens", "API tokens"],
    ["/no-such-page", "Not found"],
  ] as const) {
    const response = await page.goto(path);
    expect((await response!.allHeaders())["content-security-policy"], path).toContain("'nonce-");
    await expect(page.getByRole("heading", { level: 1, name: heading }), path).toBeVisible();
  }
  // Client-side navigation and a server action still run.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Activity" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Activity" })).toBeVisible();
  await page.goto("/settings/tokens");
  await page.getByLabel("Name").fill(`csp-${Date.now()}`);
  await page.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByTestId("new-token")).toHaveValue(/^slw_/);

  expect(violations).toEqual([]);
});

test("[security] the audit log keeps the socket's address, not a spoofed X-Forwarded-For", async ({ page }) => {
  await signInAs(page, "deployer@slipway.test", "/settings/tokens");
  await page.context().setExtraHTTPHeaders({ "X-Forwarded-For": "203.0.113.9", "X-Real-IP": "203.0.113.9" });
  const name = `xff-${Date.now()}`;
  await page.getByLabel("Name").fill(name);
  await page.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByTestId("new-token")).toHaveValue(/^slw_/);

  const exported = await page.request.get("/api/v1/audit/export?action=token.create&format=json");
  expect(exported.status()).toBe(200);
  const events = (await exported.json()) as Array<{ data?: { name?: string }; sourceIp?: string | null }>;
  const event = events.find((candidate) => candidate.data?.name === name);
  expect(event?.sourceIp).toBe("127.0.0.1");
});
