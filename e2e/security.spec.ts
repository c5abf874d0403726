import { expect, test } from "@playwright/test";
import { signInAs } from "./fixtures/sign-in";

/** Where a redirect's Location leads, resolved as a browser does (which drops tabs and newlines). */
function redirectTarget(location: string | undefined, base: string) {
  return new URL((location ?? "").replace(/[\t\n\r]/g, ""), base);
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
