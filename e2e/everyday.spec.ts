import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { signInAs } from "./fixtures/sign-in";

test.describe.configure({ mode: "serial" });

const APP = "/teams/payments/apps/worker";

/** kubectl with a downloaded kubeconfig; `env` adds to the environment (PATH for the slipway CLI). */
function kubectl(file: string, env: Record<string, string> = {}) {
  const binary = `${process.env.SLIPWAY_K8S_BIN}/kubectl`;
  return spawnSync(binary, ["--kubeconfig", file, "get", "pods", "-n", "team-payments"], {
    encoding: "utf8",
    env: { ...process.env, ...env },
  });
}

test("[everyday] a viewer downloads a static kubeconfig and kubectl works with it", async ({ page }) => {
  await signInAs(page, "viewer@slipway.test", "/teams/payments");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Static kubeconfig (1 h)" }).click(),
  ]);
  const file = test.info().outputPath("kubeconfig.yaml");
  await download.saveAs(file);
  const run = kubectl(file);
  expect(run.status, run.stderr).toBe(0);
  // kubectl says "No resources found" on stderr when the namespace has no pods yet.
  expect(`${run.stdout}${run.stderr}`).toMatch(/NAME|No resources found/);
});

test("[everyday] the refreshing kubeconfig works through the slipway CLI", async ({ page, baseURL }) => {
  await signInAs(page, "viewer@slipway.test", "/teams/payments");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download kubeconfig" }).click()]);
  const file = test.info().outputPath("kubeconfig-exec.yaml");
  await download.saveAs(file);
  expect(readFileSync(file, "utf8")).toContain("kube-token");

  // Without the CLI, kubectl says what to install.
  const without = kubectl(file, { PATH: "/usr/bin:/bin" });
  expect(without.status).not.toBe(0);

  // With the CLI (the bundle npm builds) logged in by a token, kubectl gets fresh tokens from it.
  const created = await page.request.post("/api/v1/tokens", { data: { name: "kubectl", expiresInDays: 1 }, headers: { origin: baseURL! } });
  expect(created.status()).toBe(201);
  const { token } = (await created.json()) as { token: string };
  const bin = mkdtempSync(path.join(tmpdir(), "slipway-bin-"));
  writeFileSync(path.join(bin, "slipway"), `#!/bin/sh\nexec node ${path.resolve("dist/cli/slipway.mjs")} "$@"\n`, { mode: 0o755 });
  const run = kubectl(file, {
    PATH: `${bin}:${process.env.PATH}`,
    SLIPWAY_TOKEN: token,
    SLIPWAY_CONFIG_DIR: mkdtempSync(path.join(tmpdir(), "slipway-config-")),
  });
  expect(run.status, run.stderr).toBe(0);
  expect(`${run.stdout}${run.stderr}`).toMatch(/NAME|No resources found/);
});

test("[everyday] a non-member following an app link is told why", async ({ page }) => {
  await signInAs(page, "other@slipway.test", "/teams/payments/apps/api");
  await expect(page.getByRole("alert").filter({ hasText: "You cannot see this app" })).toContainText(
    "Ask a lead of Payments: lead@slipway.test",
  );
});

test("[everyday] a never-deployed app offers no Scale or Restart, and the API says why in words", async ({ page, baseURL }) => {
  await signInAs(page, "other@slipway.test", "/teams/search/apps/indexer");
  await expect(page.getByTestId("app-summary")).toContainText("not deployed yet");
  await expect(page.getByRole("button", { name: "Scale" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Restart" })).toHaveCount(0);
  const response = await page.request.post("/api/v1/teams/search/apps/indexer/scale", {
    data: { replicas: 2 },
    headers: { origin: baseURL! },
  });
  expect(response.status()).toBe(409);
  expect((await response.json()).error.message).toContain("has not been deployed yet");
});

test("[everyday] the platform admin's dashboard offers every team", async ({ page }) => {
  await signInAs(page, "admin@slipway.test");
  await expect(page.getByText("You are not in any team yet")).toHaveCount(0);
  await page.getByTestId("admin-no-teams").getByRole("link", { name: "all teams" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Teams" })).toBeVisible();
});

test("[everyday] signing in on the other loopback name works", async ({ page, baseURL }) => {
  const other = baseURL!.replace("127.0.0.1", "localhost");
  await page.goto(`${other}/signin`);
  await page.getByRole("button", { name: "Sign in with the development IdP" }).click();
  await page.getByRole("button", { name: /<viewer@slipway\.test>/ }).click();
  await expect(page.getByTestId("signed-in-user")).toContainText("Vic Viewer");
});

test("[everyday] refused fields are marked; the summary names no input paths; a token can be copied", async ({ page, context }) => {
  await signInAs(page, "lead@slipway.test", "/teams/payments/apps/new");
  await page.getByLabel("Name").fill("worker");
  await page.getByLabel("Image repository").fill("registry.example.com/payments/worker:latest");
  await page.getByLabel("Environment variables").fill("9BAD=x");
  await page.getByRole("button", { name: "Register app" }).click();
  await expect(page.getByLabel("Image repository")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Environment variables")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Name")).not.toHaveAttribute("aria-invalid", "true");
  const summary = page.getByRole("status").filter({ hasText: "fields need a change" });
  await expect(summary).toBeVisible();
  await expect(summary).not.toContainText("env.0");
  // Drawn red (red-600), unlike a field that passed.
  const border = (label: string) => page.getByLabel(label).evaluate((el) => getComputedStyle(el).borderTopColor);
  expect(await border("Image repository")).not.toBe(await border("Name"));

  await page.getByLabel("Image repository").fill("registry.example.com/payments/worker");
  await page.getByLabel("Environment variables").fill("");
  await page.getByLabel("Replicas").fill("1");
  await page.getByRole("button", { name: "Register app" }).click();
  await expect(page).toHaveURL(APP);

  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("/settings/tokens");
  await page.getByLabel("Name").fill(`copy-${Date.now()}`);
  await page.getByRole("button", { name: "Create token" }).click();
  await page.getByRole("button", { name: "Copy" }).click();
  await expect(page.getByText("Copied.")).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await page.getByTestId("new-token").inputValue());
});

test("[everyday] scaling to 0 asks first, and an empty box is refused", async ({ page }) => {
  await signInAs(page, "lead@slipway.test", APP);
  await page.getByLabel("Image tag or digest").fill("1.0.0");
  await page.getByRole("button", { name: "Deploy", exact: true }).click();
  await expect(page.getByTestId("release-status")).toHaveText("Succeeded", { timeout: 45_000 });
  await page.reload();
  await expect(page.getByTestId("previous-versions").locator("option")).toHaveCount(1);

  const replicas = page.getByLabel("Replicas", { exact: true });
  await replicas.fill("");
  await page.getByRole("button", { name: "Scale", exact: true }).click();
  expect(await replicas.evaluate((el: HTMLInputElement) => el.validity.valueMissing)).toBe(true);

  await replicas.fill("0");
  await page.getByRole("button", { name: "Scale", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Scale worker to 0?" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByTestId("pod-row")).toHaveCount(1);
  await page.getByRole("button", { name: "Scale", exact: true }).click();
  await dialog.getByRole("button", { name: "Scale to 0" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Scaled to 0." })).toBeVisible();
});

test("[everyday] archive scales to zero, archived apps are listed with Unarchive, and their release links work", async ({ page }) => {
  await signInAs(page, "lead@slipway.test", `${APP}/edit`);
  await page.getByRole("button", { name: "Archive app" }).click();
  const dialog = page.getByRole("dialog", { name: "Archive worker?" });
  await expect(dialog.getByLabel(/Scale it to 0 first/)).toBeChecked();
  await dialog.getByRole("button", { name: "Archive" }).click();
  await expect(page).toHaveURL("/teams/payments");
  await expect(page.getByTestId("app-worker")).toHaveCount(0);
  await page.getByText(/Archived apps \(\d+\)/).click();
  await expect(page.getByTestId("archived-worker")).toBeVisible();

  // Its page is read-only and its pods are gone.
  await page.goto(APP);
  await expect(page.getByTestId("archived-notice")).toBeVisible();
  await expect(page.getByTestId("app-summary")).toContainText("0 of 0");
  await expect(page.getByRole("button", { name: "Deploy", exact: true })).toHaveCount(0);

  await page.goto("/");
  await page.getByRole("link", { name: "worker #1" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /release #1/ })).toBeVisible();

  await page.goto("/teams/payments");
  await page.getByText(/Archived apps \(\d+\)/).click();
  await page.getByTestId("archived-worker").getByRole("button", { name: "Unarchive" }).click();
  // Listed with the team's apps again.
  await expect(page.getByTestId("app-worker")).toBeVisible();
  await expect(page.getByTestId("archived-worker")).toHaveCount(0);
  await page.goto(APP);
  await expect(page.getByTestId("archived-notice")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Deploy", exact: true })).toBeVisible();
});

test("[everyday] a deploy the quota cannot hold fails at once, saying so", async ({ page, baseURL }) => {
  await signInAs(page, "lead@slipway.test", `${APP}/edit`);
  await page.getByLabel("CPU request").fill("8");
  await page.getByLabel("Replicas").fill("2");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved" })).toBeVisible();
  const headers = { origin: baseURL!, "idempotency-key": `quota-${Date.now()}` };
  const response = await page.request.post(`/api/v1${APP}/deploys`, { data: { version: "2.0.0" }, headers });
  expect(response.status()).toBeLessThan(300);
  // A browser arriving now gets the state so far, then the outcome.
  await page.goto(APP);
  // "At once" next to the 5-minute progress deadline; the margin is for a loaded machine.
  await expect(page.getByTestId("release-status")).toHaveText("Failed", { timeout: 20_000 });
  await expect(page.getByTestId("release-progress")).toContainText(/quota is used up|refused the pods/);
  await expect(page.getByTestId("events-list")).toContainText("FailedCreate");
  await page.getByLabel(/Warnings only/).check();
  await expect(page.getByTestId("event-row").first()).toContainText("FailedCreate");
});
