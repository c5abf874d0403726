import { expect, test } from "@playwright/test";
import { signInAs } from "./fixtures/sign-in";

test("[sign-in] a signed-out visit goes to /signin, which lists the demo users", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2F$/);
  await expect(page.getByRole("heading", { level: 1, name: "Sign in to Slipway" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Demo users" })).toContainText("lead@slipway.test");
});

test("[sign-in] signing in through the development IdP lands on the page asked for", async ({ page }) => {
  await signInAs(page, "lead@slipway.test");
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("banner")).toContainText("Lee Lead");
});

test("[sign-in] the IdP's user list works from the keyboard", async ({ page }) => {
  await page.goto("/signin");
  await page.getByRole("button", { name: "Sign in with the development IdP" }).click();
  const viewer = page.getByRole("button", { name: /<viewer@slipway\.test>/ });
  await viewer.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("signed-in-user")).toContainText("Vic Viewer");
});

test("[sign-in] signing out ends the session, and another demo user can sign in", async ({ page }) => {
  await signInAs(page, "lead@slipway.test");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  await page.goto("/");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
  await signInAs(page, "deployer@slipway.test");
});

test("[sign-in] a session cookie kept from before sign-out no longer works", async ({ page, playwright, baseURL }) => {
  await signInAs(page, "viewer@slipway.test");
  const kept = (await page.context().cookies()).map(({ name, value }) => `${name}=${value}`).join("; ");
  const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { cookie: kept } });
  expect((await api.get("/api/v1/me")).status()).toBe(200);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  expect((await api.get("/api/v1/me")).status()).toBe(401);
  await api.dispose();
});

test("[sign-in] API routes answer 401 without a session; health stays public", async ({ request }) => {
  const response = await request.get("/api/anything", { maxRedirects: 0 });
  expect(response.status()).toBe(401);
  expect(await response.json()).toMatchObject({ error: { code: "UNAUTHENTICATED" } });
  expect((await request.get("/api/healthz")).status()).toBe(200);
});

test("[sign-in] a refused sign-in explains itself", async ({ page }) => {
  await page.goto("/signin?error=EmailMissing");
  await expect(page.getByRole("main").getByRole("alert")).toContainText("did not send an email address");
  await page.goto("/signin?error=<script>");
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Sign-in failed");
});
