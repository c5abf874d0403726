import { expect, test } from "@playwright/test";
import { signInAs } from "./fixtures/sign-in";

test.describe.configure({ mode: "serial" });

const TEAM = "relay";
const APP = `/teams/${TEAM}/apps/beacon`;
const REPO = "registry.example.com/relay/beacon";
const DIGEST = `sha256:${"7".repeat(64)}`;

test("[promotion] staging → production, approved by a second lead", async ({ browser, baseURL }) => {
  const headers = { origin: baseURL! };
  const adminPage = await (await browser.newContext()).newPage();
  await signInAs(adminPage, "admin@slipway.test", "/teams");
  const api = (method: "post" | "patch", path: string, data: unknown) => adminPage.request[method](`/api/v1${path}`, { data, headers });
  expect((await api("post", "/teams", { slug: TEAM, name: "Relay", leadEmail: "lead@slipway.test" })).status()).toBe(201);
  expect((await api("post", `/teams/${TEAM}/members`, { email: "other@slipway.test", role: "LEAD" })).status()).toBe(201);
  expect((await api("post", `/teams/${TEAM}/environments`, { name: "staging" })).status()).toBe(201);
  const app = { name: "beacon", imageRepository: REPO, containerPort: 8080, replicas: 1 };
  expect((await api("post", `/teams/${TEAM}/apps`, app)).status()).toBe(201);
  const staged = await api("post", `/teams/${TEAM}/apps/beacon/deploys`, { version: DIGEST, environment: "staging" });
  expect(staged.status()).toBe(202);

  // The lead promotes what staging ran.
  // A lead makes production need a second lead's approval.
  const lead = await (await browser.newContext()).newPage();
  await signInAs(lead, "lead@slipway.test", `/teams/${TEAM}`);
  const settings = lead.getByRole("form", { name: "Approval and freeze for production" });
  await lead.getByText("Approval and freeze").first().click();
  await settings.getByLabel("Deploys need a second lead's approval").check();
  await settings.getByRole("button", { name: "Save" }).click();
  await expect(settings.getByRole("status")).toHaveText("Saved production: deploys need a second lead's approval, not frozen.");
  await lead.goto(APP);
  const staging = lead.getByTestId("environment-staging");
  await expect(async () => {
    await lead.reload();
    await expect(staging.getByRole("button", { name: "Promote to production" })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 45_000 });
  await expect(lead.getByTestId("environment-production")).toContainText("Deploys here need a second lead's approval.");
  await staging.getByRole("button", { name: "Promote to production" }).click();
  const dialog = lead.getByRole("dialog", { name: /Promote release #1 from staging to production/ });
  await expect(dialog).toContainText(`${REPO}@${DIGEST}`);
  await expect(dialog).toContainText(`as digest ${DIGEST}`);
  await dialog.getByRole("button", { name: "Promote" }).click();
  await expect(lead.getByRole("status").filter({ hasText: "waits for another lead's approval" })).toBeVisible();
  await lead.reload();
  const waiting = lead.getByTestId("approval-2");
  await expect(waiting).toContainText("You asked for it: another lead must approve it.");
  await expect(waiting.getByRole("button", { name: "Approve #2" })).toHaveCount(0);

  // A second lead approves it; production then runs the digest.
  const second = await (await browser.newContext()).newPage();
  await signInAs(second, "other@slipway.test", APP);
  const pending = second.getByTestId("approval-2");
  await expect(pending).toContainText("asked by lead@slipway.test");
  await pending.getByRole("button", { name: "Approve #2" }).click();
  await second
    .getByRole("dialog", { name: /Approve release #2 to production/ })
    .getByRole("button", { name: "Approve and deploy" })
    .click();
  // Approved, it leaves the list (and its form with it); the rollout shows in production's card.
  await expect(second.getByTestId("approval-2")).toHaveCount(0);
  await expect(async () => {
    await second.reload();
    await expect(second.getByTestId("environment-production").getByTestId("environment-release")).toHaveText(`#2 · ${REPO}@${DIGEST}`, {
      timeout: 1_000,
    });
  }).toPass({ timeout: 45_000 });
  await expect(second.getByRole("region", { name: "Activity" }).or(second.locator("section[aria-labelledby=app-activity]"))).toContainText(
    "promoted beacon #1 from staging to production",
  );
  await second.screenshot({ path: test.info().outputPath("promotion-approved.png"), fullPage: true });
});
