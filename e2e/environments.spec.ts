import { expect, test, type Page } from "@playwright/test";
import { signInAs } from "./fixtures/sign-in";

test.describe.configure({ mode: "serial" });

const TEAM = "atlas";
const APP = `/teams/${TEAM}/apps/globe`;

async function deployTo(page: Page, environment: string, version: string, sequence: number) {
  await page.getByLabel("Image tag or digest").fill(version);
  await page.getByLabel("Environment", { exact: true }).selectOption(environment);
  await page.getByRole("button", { name: "Deploy", exact: true }).click();
  await expect(page.getByText(`Release #${sequence}`, { exact: true })).toBeVisible();
  await expect(page.getByTestId("release-status")).toHaveText("Succeeded", { timeout: 45_000 });
}

test("[environments] an admin checks the built-in cluster; a bad registration names its field", async ({ page }) => {
  await signInAs(page, "admin@slipway.test", "/admin/clusters");
  const builtIn = page.getByTestId("cluster-default");
  await builtIn.getByRole("button", { name: "Check" }).click();
  await expect(builtIn.getByRole("status")).toContainText("default: reachable", { timeout: 15_000 });

  await page.getByLabel("Name", { exact: true }).fill("edge");
  await page.getByLabel("API server URL").fill("http://edge.example.com:6443");
  await page.getByLabel("Platform credential (token)").fill("not-a-real-token");
  await page.getByRole("button", { name: "Register cluster" }).click();
  await expect(page.locator("#server-error")).toHaveText("must start with https://");
  // The credential is not sent back to be filled in again.
  await expect(page.getByLabel("Platform credential (token)")).toHaveValue("");

  await page.goto("/teams");
  await page.getByLabel("Slug").fill(TEAM);
  await page.getByLabel("Name").fill("Atlas");
  await page.getByLabel("First lead (email, optional)").fill("lead@slipway.test");
  await page.getByRole("button", { name: "Create team" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Created team Atlas" })).toBeVisible();
});

test("[environments] a lead adds a qa environment, deploys to both and sees them side by side", async ({ page }) => {
  await signInAs(page, "lead@slipway.test", `/teams/${TEAM}`);
  await page.getByLabel("New environment").fill("production");
  await page.getByRole("button", { name: "Add environment" }).click();
  await expect(page.locator("#name-error")).toHaveText("is taken");
  await page.getByLabel("New environment").fill("qa");
  await page.getByRole("button", { name: "Add environment" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Environment qa is ready" })).toContainText(`namespace team-${TEAM}-qa`);

  await page.getByRole("link", { name: "Register an app" }).click();
  await page.getByLabel("Name").fill("globe");
  await page.getByLabel("Image repository").fill("registry.example.com/atlas/globe");
  await page.getByRole("button", { name: "Register app" }).click();
  await expect(page).toHaveURL(APP);

  const production = page.getByTestId("environment-production");
  const qa = page.getByTestId("environment-qa");
  await expect(production.getByTestId("environment-release")).toHaveText("not deployed");
  await deployTo(page, "production", "1.0.0", 1);
  await page.reload();
  await deployTo(page, "qa", "2.0.0", 2);
  // A deploy into another environment than the one shown switches the page there, to follow it.
  await expect(page).toHaveURL(`${APP}?env=qa`);
  await page.reload();
  await expect(production.getByTestId("environment-release")).toHaveText("#1 · registry.example.com/atlas/globe:1.0.0");
  await expect(qa.getByTestId("environment-release")).toHaveText("#2 · registry.example.com/atlas/globe:2.0.0");
  await expect(qa).toContainText(`team-${TEAM}-qa`);
  await expect(production).toContainText("in sync");
  await page.screenshot({ path: test.info().outputPath("app-environments.png"), fullPage: true });
});
