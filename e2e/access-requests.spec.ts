import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { signInAs } from "./fixtures/sign-in";

test.describe.configure({ mode: "serial" });

async function expectNoAxeViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

test("[access] a newcomer to Search asks from the refusal, the lead approves from the header badge, the newcomer sees the team", async ({
  page,
}) => {
  await signInAs(page, "rae@slipway.test", "/teams/search");
  const refusal = page.getByRole("alert").filter({ hasText: "You cannot see this team" });
  await expect(refusal).toContainText("Ask a lead of Search: other@slipway.test.");
  await refusal.getByRole("link", { name: "Request access" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Request access to Search" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel("Role").selectOption("DEPLOYER");
  await page.getByLabel("Reason").fill("Helping with the indexer release");
  await page.getByLabel(/For how many hours/).fill("4");
  await page.getByRole("button", { name: "Send request to Search's leads" }).click();
  await expect(page.getByRole("status")).toContainText("Your request for Deployer for 4 hours went to the team's leads.");

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  await signInAs(page, "other@slipway.test");
  const badge = page.getByTestId("pending-approvals");
  await expect(badge).toHaveAccessibleName(/^Requests\s*1\s*waiting for you$/);
  await badge.click();
  await expect(page.getByRole("heading", { level: 1, name: "Access requests" })).toBeVisible();
  const row = page.getByTestId("access-request-rae@slipway.test");
  await expect(row).toContainText("Helping with the indexer release");
  await expect(row).toContainText("for 4 h");
  await expectNoAxeViolations(page);
  await row.getByLabel("Hours").fill("1");
  await row.getByRole("button", { name: "Approve" }).click();
  await expect(page.getByTestId("access-decision-rae@slipway.test")).toContainText(
    "rae@slipway.test asked for Deployer: approved, Deployer until",
  );
  await page.reload();
  await expect(page.getByTestId("pending-approvals")).toHaveCount(0);
  await expect(page.getByTestId("no-access-requests")).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  await signInAs(page, "rae@slipway.test");
  await page.goto("/teams/search");
  await expect(page.getByTestId("my-role")).toHaveText("Deployer");
  await expect(page.getByTestId("member-rae@slipway.test").getByTestId("temporary-access")).toContainText("temporary, until");
});

test("[access] a member asks for more from the team page; the lead denies it behind a confirmation", async ({ page }) => {
  await signInAs(page, "rae@slipway.test");
  await page.goto("/teams/search");
  await page.getByRole("link", { name: "Request a different role" }).click();
  await page.getByLabel("Role").selectOption("LEAD");
  await page.getByLabel("Reason").fill("I want to manage access");
  await page.getByRole("button", { name: "Send request to Search's leads" }).click();
  await expect(page.getByRole("status")).toContainText("Your request for Lead went to the team's leads.");

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  await signInAs(page, "other@slipway.test", "/teams/search/access-requests");
  const row = page.getByTestId("access-request-rae@slipway.test");
  await row.getByRole("button", { name: "Deny" }).click();
  const dialog = page.getByRole("dialog", { name: "Deny rae@slipway.test's request?" });
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(row).toBeVisible();
  await row.getByRole("button", { name: "Deny" }).click();
  await dialog.getByLabel("Reason").fill("One lead is enough");
  await dialog.getByRole("button", { name: "Deny request" }).click();
  await expect(page.getByTestId("access-decision-rae@slipway.test").filter({ hasText: "Lead" })).toContainText(
    "denied by other@slipway.test (One lead is enough)",
  );

  // Back to how the other specs expect Search: without the newcomer.
  await page.goto("/teams/search");
  await expect(page.getByTestId("member-rae@slipway.test").getByTestId("temporary-access")).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByTestId("member-rae@slipway.test").getByRole("button", { name: "Remove" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Remove member" }).click();
  await expect(page.getByTestId("member-rae@slipway.test")).toHaveCount(0);
});

test("[access] a lead shortens the longest requested access; a longer request is refused, naming the field and the limit", async ({
  page,
  baseURL,
}) => {
  await signInAs(page, "other@slipway.test", "/teams/search");
  const settings = page.getByRole("region", { name: "Access requests" });
  const longest = settings.getByLabel("Longest requested access, in hours");
  await expect(longest).toHaveValue("168");
  await longest.fill("3");
  await settings.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Requests to Search may now ask for up to 3 hours." })).toBeVisible();
  await page.reload();
  await expect(longest).toHaveValue("3");

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  await signInAs(page, "rae@slipway.test", "/teams/search/request-access");
  await page.getByLabel("Role").selectOption("VIEWER");
  await page.getByLabel("Reason").fill("Reading the indexer's logs");
  const hours = page.getByLabel(/For how many hours/);
  await expect(page.getByText("(optional, 1–3; blank: for good)")).toBeVisible();
  await hours.fill("4");
  await page.getByRole("button", { name: "Send request to Search's leads" }).click();
  // The browser holds the form back (max is the team's limit)...
  expect(await hours.evaluate((input: HTMLInputElement) => input.validity.rangeOverflow)).toBe(true);
  await expect(page.getByRole("status").filter({ hasText: "went to the team's leads" })).toHaveCount(0);
  // ...and the server refuses the same request from anywhere else, naming the field.
  const refused = await page.request.post("/api/v1/teams/search/access-requests", {
    data: { role: "VIEWER", reason: "Reading the indexer's logs", hours: 4 },
    headers: { origin: baseURL! },
  });
  expect(refused.status()).toBe(400);
  expect(JSON.stringify(await refused.json())).toContain("must be at most 3 hours (Search's limit)");
  // Nothing was sent: the lead has no request waiting.
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  await signInAs(page, "other@slipway.test", "/teams/search");
  await expect(page.getByTestId("pending-approvals")).toHaveCount(0);

  // Back to the default for the other specs.
  await longest.fill("168");
  await settings.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "may now ask for up to 168 hours." })).toBeVisible();
});
