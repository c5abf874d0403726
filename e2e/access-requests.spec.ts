import { expect, test } from "@playwright/test";
import { signInAs } from "./fixtures/sign-in";

test.describe.configure({ mode: "serial" });

test("[access] a newcomer to Search asks from the refusal, the lead approves from the header badge, the newcomer sees the team", async ({
  page,
}) => {
  await signInAs(page, "viewer@slipway.test", "/teams/search");
  const refusal = page.getByRole("alert").filter({ hasText: "You cannot see this team" });
  await expect(refusal).toContainText("Ask a lead of Search: other@slipway.test.");
  await refusal.getByRole("link", { name: "Request access" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Request access to Search" })).toBeVisible();
  await page.getByLabel("Role").selectOption("DEPLOYER");
  await page.getByLabel("Reason").fill("Helping with the indexer release");
  await page.getByLabel(/For how many hours/).fill("4");
  await page.getByRole("button", { name: "Send request to Search's leads" }).click();
  await expect(page.getByRole("status")).toContainText("Your request for Deployer for 4 hours went to the team's leads.");

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  await signInAs(page, "other@slipway.test");
  const badge = page.getByTestId("pending-approvals");
  await expect(badge).toHaveAccessibleName("1 access request waiting for you");
  await badge.click();
  await expect(page.getByRole("heading", { level: 1, name: "Access requests" })).toBeVisible();
  const row = page.getByTestId("access-request-viewer@slipway.test");
  await expect(row).toContainText("Helping with the indexer release");
  await expect(row).toContainText("for 4 h");
  await row.getByLabel("Hours").fill("1");
  await row.getByRole("button", { name: "Approve" }).click();
  await expect(page.getByTestId("access-decision-viewer@slipway.test")).toContainText(
    "viewer@slipway.test asked for Deployer: approved, Deployer until",
  );
  await page.reload();
  await expect(page.getByTestId("pending-approvals")).toHaveCount(0);
  await expect(page.getByTestId("no-access-requests")).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  await signInAs(page, "viewer@slipway.test", "/teams/search");
  await expect(page.getByTestId("my-role")).toHaveText("Deployer");
  await expect(page.getByTestId("member-viewer@slipway.test").getByTestId("temporary-access")).toContainText("temporary, until");
});

test("[access] the lead denies a request with a reason, behind a confirmation, and ends the temporary grant", async ({ page }) => {
  await signInAs(page, "deployer@slipway.test", "/teams/search");
  await page.getByRole("link", { name: "Request access" }).click();
  await page.getByLabel("Role").selectOption("VIEWER");
  await page.getByLabel("Reason").fill("Curious about search");
  await page.getByRole("button", { name: "Send request to Search's leads" }).click();
  await expect(page.getByRole("status")).toContainText("went to the team's leads");

  await page.getByRole("button", { name: "Sign out" }).click();
  await signInAs(page, "other@slipway.test", "/teams/search/access-requests");
  const row = page.getByTestId("access-request-deployer@slipway.test");
  await row.getByRole("button", { name: "Deny" }).click();
  const dialog = page.getByRole("dialog", { name: "Deny deployer@slipway.test's request?" });
  await dialog.getByLabel("Reason").fill("Not needed for your work");
  await dialog.getByRole("button", { name: "Deny request" }).click();
  await expect(page.getByTestId("access-decision-deployer@slipway.test")).toContainText(
    "denied by other@slipway.test (Not needed for your work)",
  );

  // Back to how the other specs expect Search: without the newcomer.
  await page.goto("/teams/search");
  const newcomer = page.getByTestId("member-viewer@slipway.test");
  await newcomer.getByRole("button", { name: "Remove" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Remove member" }).click();
  await expect(page.getByTestId("member-viewer@slipway.test")).toHaveCount(0);
});
