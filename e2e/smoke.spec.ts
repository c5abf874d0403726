import { expect, test } from "@playwright/test";
import { signInAs } from "./fixtures/sign-in";

test("[smoke] the home page loads with the seeded teams", async ({ page }) => {
  await signInAs(page, "viewer@slipway.test");
  await expect(page.getByRole("heading", { level: 1, name: "Slipway" })).toBeVisible();
  // Their own teams: the viewer is in Payments only.
  await expect(page.getByTestId("team-count")).toHaveText("1");
  await expect(page.getByRole("link", { name: "Skip to content" })).toBeAttached();
});

test("[smoke] health and readiness answer", async ({ request }) => {
  expect(await (await request.get("/api/healthz")).json()).toEqual({ status: "ok" });
  const ready = await request.get("/api/readyz");
  expect(ready.status()).toBe(200);
  expect(await ready.json()).toEqual({ status: "ready" });
});
