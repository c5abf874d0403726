import { expect, test } from "@playwright/test";
import { signInAs } from "./fixtures/sign-in";

test.describe.configure({ mode: "serial" });

test("[activity] a lead's grant shows up first, by them; filters, export and verify work", async ({ page }) => {
  const grantee = `auditee-${Date.now()}@slipway.test`;
  await signInAs(page, "lead@slipway.test", "/teams/payments");
  await page.getByLabel("Email").fill(grantee);
  await page.getByLabel("Role", { exact: true }).selectOption("VIEWER");
  await page.getByRole("button", { name: "Grant" }).click();
  await expect(page.getByRole("status").filter({ hasText: `${grantee} is now a viewer` })).toBeVisible();

  await page.getByRole("main").getByRole("link", { name: "Activity" }).click();
  await expect(page).toHaveURL(/\/activity\?team=payments$/);
  await expect(page.getByRole("heading", { level: 1, name: "Activity" })).toBeVisible();
  await expect(page.getByLabel("Team")).toHaveValue("payments");
  const newest = page.getByTestId("activity-row").first();
  // A sentence with a link, and the raw record on demand.
  await expect(newest.getByTestId("activity-sentence")).toContainText(`Lee Lead granted viewer to ${grantee}`);
  // The record is drawn when "Raw event" is opened (components/audit/raw-event.tsx).
  await expect(newest.locator("pre")).toHaveCount(0);
  await newest.getByText("Raw event").click();
  await expect(newest.locator("pre")).toBeVisible();
  await expect(newest.locator("pre")).toContainText('"action": "membership.grant"');
  await expect(newest.locator("pre")).toContainText("lead@slipway.test");

  await page.getByLabel("Action").selectOption("token.create");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/action=token\.create/);
  await expect(page.getByText("No events match these filters.")).toBeVisible();

  await page.getByLabel("Action").selectOption("membership.");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/team=payments.*action=membership\./);
  await expect(page.getByTestId("activity-row").first()).toContainText(grantee);
  const actions = await page.getByTestId("activity-sentence").allTextContents();
  expect(actions.every((action) => / (granted|changed|removed) /.test(action))).toBe(true);

  const csvLink = page.getByRole("link", { name: "CSV" });
  const csv = await page.request.get((await csvLink.getAttribute("href"))!);
  expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  const lines = (await csv.text()).trim().split("\r\n");
  expect(lines[0]).toBe("id,createdAt,actorEmail,team,action,targetType,targetId,data,requestId,sourceIp");
  expect(lines[1]).toContain(",lead@slipway.test,payments,membership.grant,user,");
  expect(lines).toHaveLength(actions.length + 1);

  await page.getByRole("button", { name: "Verify audit chain" }).click();
  await expect(page.getByRole("status").filter({ hasText: "audit chain" })).toHaveText(/^The audit chain is intact: \d+ events checked\.$/);
});

test("[activity] the header links to it, and a viewer sees their team's events but not another team's", async ({ page }) => {
  await signInAs(page, "viewer@slipway.test");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Activity" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Activity" })).toBeVisible();
  const teams = await page.getByTestId("activity-row").locator("td:nth-child(3)").allTextContents();
  expect(teams.length).toBeGreaterThan(0);
  expect(teams).not.toContain("Search");
  await expect(page.getByLabel("Team").locator("option")).toHaveText(["All teams", "Payments"]);
});
