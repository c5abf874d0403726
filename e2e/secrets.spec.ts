import { expect, test, type Page } from "@playwright/test";
import { signInAs } from "./fixtures/sign-in";

test.describe.configure({ mode: "serial" });

const APP = "/teams/payments/apps/ledger";
const FIRST = "postgres://ledger:first-9f3e1b@db/ledger";
const SECOND = "postgres://ledger:second-77c2aa@db/ledger";

/** The value must be nowhere in what the server sent, not even in an input. */
async function expectNoValues(page: Page) {
  const html = await page.content();
  for (const value of [FIRST, SECOND]) expect(html).not.toContain(value);
  await expect(page.getByLabel("Value", { exact: true })).toHaveValue("");
}

async function setSecret(page: Page, name: string, value: string) {
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Value", { exact: true }).fill(value);
  await page.getByRole("button", { name: "Set secret" }).click();
}

test("[secrets] a deployer sets a secret, sees its name and v1, replaces it (v2): the value is never shown", async ({ page }) => {
  await signInAs(page, "deployer@slipway.test", "/teams/payments");
  await page.getByRole("link", { name: "Register an app" }).click();
  await page.getByLabel("Name").fill("ledger");
  await page.getByLabel("Image repository").fill("registry.example.com/payments/ledger");
  await page.getByLabel("Environment variables").fill("GREETING=hello");
  await page.getByLabel("Replicas").fill("1");
  await page.getByRole("button", { name: "Register app" }).click();
  await expect(page).toHaveURL(APP);

  const secrets = page.getByRole("region", { name: "Secrets" });
  await expect(secrets.getByText("No secrets yet.")).toBeVisible();
  await expect(page.getByLabel("Value", { exact: true })).toHaveAttribute("type", "password");

  // A plain variable's name is refused with the field's message; the value does not come back.
  await setSecret(page, "GREETING", FIRST);
  await expect(page.locator("#name-error")).toHaveText("GREETING is already a plain environment variable of this app");
  await expectNoValues(page);

  await setSecret(page, "DATABASE_URL", FIRST);
  await expect(page.getByTestId("set-secret-form").getByRole("status")).toHaveText(
    "DATABASE_URL set (v1). It takes effect at the first deploy.",
  );
  const row = page.getByTestId("secret-DATABASE_URL");
  await expect(row).toContainText("v1");
  await expect(row).toContainText("Dee Deployer");
  await expectNoValues(page);

  await page.getByLabel("Image tag or digest").fill("1.0.0");
  await page.getByRole("button", { name: "Deploy", exact: true }).click();
  await expect(page.getByTestId("release-status")).toHaveText("Succeeded", { timeout: 45_000 });

  await setSecret(page, "DATABASE_URL", SECOND);
  await expect(page.getByTestId("set-secret-form").getByRole("status")).toHaveText(
    "DATABASE_URL set (v2). The app is rolling out as release #2.",
  );
  await expect(row).toContainText("v2");
  await page.reload();
  await expectNoValues(page);

  await page.goto(`${APP}/releases/2`);
  await expect(page.getByText("DATABASE_URL changed (v1 → v2)")).toBeVisible();
  const html = await page.content();
  for (const value of [FIRST, SECOND]) expect(html).not.toContain(value);
});

test("[secrets] a viewer sees names and versions only, with no form and no remove button", async ({ page }) => {
  await signInAs(page, "viewer@slipway.test", APP);
  await expect(page.getByTestId("secret-DATABASE_URL")).toContainText("v2");
  await expect(page.getByTestId("set-secret-form")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Remove DATABASE_URL" })).toHaveCount(0);
  await expect(page.getByTestId("secrets-denied")).toContainText("needs the Deployer role");
  const html = await page.content();
  for (const value of [FIRST, SECOND]) expect(html).not.toContain(value);
});

test("[secrets] removing a secret asks first, from the keyboard too", async ({ page }) => {
  await signInAs(page, "deployer@slipway.test", APP);
  await page.getByRole("button", { name: "Remove DATABASE_URL" }).click();
  const dialog = page.getByRole("dialog", { name: "Remove the secret DATABASE_URL?" });
  await expect(dialog).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("secret-DATABASE_URL")).toBeVisible();

  await page.getByRole("button", { name: "Remove DATABASE_URL" }).click();
  await dialog.getByRole("button", { name: "Remove" }).click();
  await expect(page.getByRole("region", { name: "Secrets" }).getByText("No secrets yet.")).toBeVisible();
});
