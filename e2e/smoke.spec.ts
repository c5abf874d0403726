import { expect, test } from "@playwright/test";
import { signInAs } from "./fixtures/sign-in";

test("[smoke] the home page loads with the person's own teams", async ({ page }) => {
  await signInAs(page, "viewer@slipway.test");
  await expect(page.getByRole("heading", { level: 1, name: "Slipway" })).toBeVisible();
  // Vic Viewer is in Payments only: the counts are of what the person can see, not the platform's.
  await expect(page.getByTestId("team-count")).toHaveText("1");
  await expect(page.getByRole("link", { name: "Skip to content" })).toBeAttached();
  // The team's deploys per day: bars (two paths), and the numbers behind them on demand.
  const chart = page.getByTestId("deploys-chart-payments");
  await expect(chart.locator("svg path")).toHaveCount(2);
  const perDay = chart.locator("table");
  await expect(perDay).toBeHidden();
  await chart.getByText("Per day", { exact: true }).click();
  await expect(perDay).toBeVisible();
  await expect(perDay.locator("tbody tr")).toHaveCount(30);
});

test("[smoke] health and readiness answer", async ({ request }) => {
  expect(await (await request.get("/api/healthz")).json()).toEqual({ status: "ok" });
  const ready = await request.get("/api/readyz");
  expect(ready.status()).toBe(200);
  expect(await ready.json()).toEqual({ status: "ready" });
});
