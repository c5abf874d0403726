import { expect, test } from "@playwright/test";
import { signInAs } from "./fixtures/sign-in";

test.describe.configure({ mode: "serial" });

test("[access] a lead grants Deployer to someone who never signed in; they sign in and see the team", async ({ page }) => {
  await signInAs(page, "lead@slipway.test", "/teams/payments");
  await expect(page.getByRole("heading", { level: 1, name: "Payments" })).toBeVisible();
  await page.getByLabel("Email").fill("newbie@slipway.test");
  await page.getByLabel("Role", { exact: true }).selectOption("DEPLOYER");
  await page.getByRole("button", { name: "Grant" }).click();
  await expect(page.getByRole("status").filter({ hasText: "newbie@slipway.test is now a deployer" })).toContainText(
    "applies when they first sign in",
  );
  const row = page.getByTestId("member-newbie@slipway.test");
  await expect(row).toContainText("Deployer");
  await expect(row).toContainText("pending first sign-in");

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  await signInAs(page, "newbie@slipway.test");
  await page.getByRole("link", { name: "Payments" }).first().click();
  await expect(page.getByTestId("my-role")).toHaveText("Deployer");
  await expect(page.getByTestId("member-newbie@slipway.test")).not.toContainText("pending");
});

test("[access] a viewer sees no grant controls, and why", async ({ page }) => {
  await signInAs(page, "viewer@slipway.test", "/teams/payments");
  await expect(page.getByTestId("my-role")).toHaveText("Viewer");
  await expect(page.getByRole("button", { name: "Grant" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Remove" })).toHaveCount(0);
  await expect(page.getByTestId("grant-denied")).toHaveText(
    /Only leads can grant or change access to Payments\. Ask a lead: lead@slipway\.test\./,
  );
});

test("[access] a member of another team is told whom to ask", async ({ page }) => {
  await signInAs(page, "other@slipway.test", "/teams/payments");
  await expect(page.getByRole("alert").filter({ hasText: "You cannot see this team" })).toContainText(
    "You are not a member of Payments; this needs Viewer or above. Ask a lead of Payments: lead@slipway.test.",
  );
});

test("[access] removing a member asks first, and the last lead cannot be demoted", async ({ page }) => {
  await signInAs(page, "lead@slipway.test", "/teams/payments");
  const row = page.getByTestId("member-newbie@slipway.test");
  await row.getByRole("button", { name: "Remove" }).click();
  const dialog = page.getByRole("dialog", { name: "Remove newbie@slipway.test?" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(row).toBeVisible();

  await row.getByRole("button", { name: "Remove" }).click();
  await dialog.getByRole("button", { name: "Remove member" }).click();
  await expect(page.getByTestId("member-newbie@slipway.test")).toHaveCount(0);

  const lead = page.getByTestId("member-lead@slipway.test");
  await lead.getByLabel("Role of lead@slipway.test").selectOption("VIEWER");
  await lead.getByRole("button", { name: "Save role" }).click();
  await expect(lead.getByRole("status").filter({ hasText: "last lead" })).toHaveText(
    "This is the last lead of Payments. Make someone else a lead first.",
  );
});

test("[access] API tokens: created once, used on /api/v1, revoked after a confirmation", async ({ page, request }) => {
  await signInAs(page, "deployer@slipway.test", "/settings/tokens");
  await page.getByLabel("Name").fill("ci");
  await page.getByRole("button", { name: "Create token" }).click();
  const token = await page.getByTestId("new-token").inputValue();
  expect(token).toMatch(/^slw_/);

  const teams = await request.get("/api/v1/teams", { headers: { authorization: `Bearer ${token}` } });
  expect(teams.status()).toBe(200);
  expect((await teams.json()).teams.map((t: { slug: string }) => t.slug)).toEqual(["payments"]);

  await page.getByTestId("token-ci").getByRole("button", { name: "Revoke" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Revoke token" }).click();
  await expect(page.getByTestId("token-ci")).toContainText("revoked");
  expect((await request.get("/api/v1/teams", { headers: { authorization: `Bearer ${token}` } })).status()).toBe(401);
});
