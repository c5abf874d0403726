import { expect, test, type Page } from "@playwright/test";
import { signInAs } from "./fixtures/sign-in";

test.describe.configure({ mode: "serial" });

const APP = "/teams/payments/apps/checkout";

async function screenshot(page: Page, name: string) {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });
}

async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
}

async function deployAndWait(page: Page, version: string, sequence: number) {
  await page.getByLabel("Image tag or digest").fill(version);
  await page.getByRole("button", { name: "Deploy", exact: true }).click();
  await expect(page.getByText(`Release #${sequence}`, { exact: true })).toBeVisible();
  // Pushed by the server as the rollout watch sees it; no reload.
  await expect(page.getByTestId("release-status")).toHaveText("Succeeded", { timeout: 45_000 });
}

test("[deploy] a lead registers an app, with field errors first", async ({ page }) => {
  await signInAs(page, "lead@slipway.test", "/teams/payments");
  await page.getByRole("link", { name: "Register an app" }).click();
  await page.getByLabel("Name").fill("checkout");
  await page.getByLabel("Image repository").fill("registry.example.com/payments/checkout:latest");
  await page.getByLabel("Environment variables").fill("GREETING=hello\n9BAD=x");
  await page.getByRole("button", { name: "Register app" }).click();
  await expect(page.locator("#imageRepository-error")).toHaveText(
    "must be an image repository like registry.example.com/team/app, without a tag",
  );
  await expect(page.locator("#env-error")).toContainText("line 2: must be a C identifier");

  await page.getByLabel("Image repository").fill("registry.example.com/payments/checkout");
  await page.getByLabel("Environment variables").fill("GREETING=hello");
  await page.getByLabel("Replicas").fill("2");
  await page.getByRole("button", { name: "Register app" }).click();
  await expect(page).toHaveURL(APP);
  await expect(page.getByRole("heading", { level: 1, name: "checkout" })).toBeVisible();
  await screenshot(page, "app-registered");
});

test("[deploy] a deployer deploys and watches the rollout reach Available", async ({ page }) => {
  await signInAs(page, "deployer@slipway.test", APP);
  await deployAndWait(page, "1.0.0", 1);
  await expect(page.getByRole("progressbar", { name: "Available replicas" })).toHaveAttribute("aria-valuenow", "2");
  await page.reload();
  await expect(page.getByTestId("pod-row")).toHaveCount(2);
  // Each object's YAML is drawn when its entry is opened.
  const deployment = page.getByTestId("resource-Deployment");
  await expect(deployment.getByLabel("YAML of Deployment checkout")).toHaveCount(0);
  await deployment.getByText("Deployment", { exact: true }).first().click();
  await expect(deployment.getByLabel("YAML of Deployment checkout")).toContainText("kind: Deployment");
  await deployAndWait(page, "2.0.0", 2);
  await expect(page.getByTestId("release-2")).toContainText("deployer@slipway.test");
  await screenshot(page, "app-deployed");
});

test("[deploy] a viewer sees the history but no Deploy button, and why", async ({ page }) => {
  await signInAs(page, "viewer@slipway.test", APP);
  await expect(page.getByTestId("release-1")).toContainText("Succeeded");
  await expect(page.getByRole("button", { name: "Deploy", exact: true })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /Roll back/ })).toHaveCount(0);
  await expect(page.getByTestId("deploy-denied")).toContainText(
    "Deploying needs the Deployer role or above; you are a Viewer. Ask a lead: lead@slipway.test.",
  );
});

test("[deploy] a rollback to #1 is a new release by whoever clicked it", async ({ page }) => {
  await signInAs(page, "lead@slipway.test", APP);
  await page.getByRole("button", { name: "Roll back to #1" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Roll back" }).click();
  await expect(page.getByTestId("release-3")).toContainText("rollback to #1");
  await expect(page.getByTestId("release-3")).toContainText("lead@slipway.test");
  await expect(page.getByTestId("release-status")).toHaveText("Succeeded", { timeout: 45_000 });
  await page.getByTestId("release-3").getByRole("link", { name: "#3" }).click();
  await expect(page.getByRole("heading", { name: "Changes since #2" })).toBeVisible();
  await expect(page.getByRole("row", { name: /image/ })).toContainText("registry.example.com/payments/checkout:1.0.0");
  await screenshot(page, "release-diff");
});

test("[deploy] the team page shows the app's state", async ({ page }) => {
  await signInAs(page, "viewer@slipway.test", "/teams/payments");
  await expect(page.getByTestId("app-checkout")).toContainText("Succeeded");
  await expect(page.getByTestId("app-checkout")).toContainText("#3 1.0.0");
  // Health from the namespace's watch, with the list (or streamed after it when the cache is cold).
  await expect(page.getByTestId("app-checkout").getByTestId("health")).toHaveText(/Healthy|Progressing/);
  await screenshot(page, "team");
  await signOut(page);
});

test("[deploy] the activity page shows each step with the right person", async ({ page }) => {
  await signInAs(page, "viewer@slipway.test", "/activity?team=payments&app=checkout&action=deploy.request");
  const rows = page.getByTestId("activity-row");
  await expect(rows).toHaveCount(3);
  // Newest first: the lead's rollback, then the deployer's two deploys, each sentence led by who did it.
  const sentences = rows.getByTestId("activity-sentence");
  await expect(sentences.nth(0)).toContainText(/^Lee Lead rolled back checkout/);
  await expect(sentences.nth(1)).toContainText(/^Dee Deployer /);
  await expect(sentences.nth(2)).toContainText(/^Dee Deployer /);
  // Their addresses are in the raw record, drawn when opened.
  await rows.nth(0).getByText("Raw event").click();
  await expect(rows.nth(0).locator("pre")).toContainText('"actor": "lead@slipway.test"');
  await page.goto("/activity?team=payments&app=checkout&action=deploy.succeeded");
  await expect(page.getByTestId("activity-row")).toHaveCount(3);
  await screenshot(page, "activity");
});
