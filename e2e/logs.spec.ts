import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { signInAs } from "./fixtures/sign-in";

test.describe.configure({ mode: "serial" });

const TEAM = "payments";
const APP = "logsdemo";
const API = `/api/v1/teams/${TEAM}/apps`;

test("[logs] a viewer sees an app's log lines arrive, searches them and downloads the log", async ({ page, baseURL }) => {
  // A deployed app of its own: the lead registers it, the deployer deploys it (through the API).
  await signInAs(page, "lead@slipway.test", `/teams/${TEAM}`);
  const origin = { origin: baseURL! };
  const created = await page.request.post(API, {
    headers: origin,
    data: { name: APP, imageRepository: "registry.example.com/payments/logsdemo", containerPort: 8080, replicas: 1 },
  });
  expect(created.status(), await created.text()).toBe(201);
  const deployed = await page.request.post(`${API}/${APP}/deploys`, { headers: origin, data: { version: "v1" } });
  expect([200, 202]).toContain(deployed.status());
  const { release } = (await deployed.json()) as { release: { sequence: number } };
  await expect
    .poll(
      async () =>
        ((await (await page.request.get(`${API}/${APP}/releases/${release.sequence}`)).json()) as { release: { status: string } }).release
          .status,
      {
        timeout: 30_000,
      },
    )
    .toBe("SUCCEEDED");

  await page.context().clearCookies();
  await signInAs(page, "viewer@slipway.test", `/teams/${TEAM}/apps/${APP}`);
  const logs = page.getByTestId("logs-panel");
  await expect(logs.getByLabel("Pod", { exact: true })).toHaveValue(new RegExp(`^${APP}-`));
  await expect(logs.getByLabel("Container", { exact: true })).toHaveValue(APP);

  // The tail, then new lines as the simulated pod writes them, each with its time.
  const lines = logs.getByTestId("log-line");
  await expect(lines.first()).toBeVisible();
  await expect(logs.getByTestId("logs-status")).toHaveText("Following new lines.");
  const before = await lines.count();
  await expect.poll(() => lines.count(), { timeout: 10_000 }).toBeGreaterThan(before);
  await expect(lines.first().locator("time")).toHaveAttribute("datetime", /^\d{4}-\d{2}-\d{2}T/);

  // Search filters as you type and marks what matched.
  await logs.getByLabel("Search", { exact: true }).fill("slow upstream");
  await expect(lines.first()).toContainText("slow upstream");
  for (const text of await lines.allTextContents()) expect(text).toContain("slow upstream");
  await expect(lines.first().locator("mark")).toHaveText("slow upstream");
  await logs.getByLabel("Search", { exact: true }).fill("no line says this");
  await expect(lines).toHaveCount(0);
  await expect(logs).toContainText("0 of");
  await logs.getByLabel("Search", { exact: true }).fill("");

  // Pause holds new lines back; Follow shows them.
  await logs.getByRole("button", { name: "Pause" }).press("Enter");
  await expect(logs.getByRole("button", { name: /^Follow \(\d+ new\)$/ })).toBeVisible({ timeout: 10_000 });
  await logs.getByRole("button", { name: /^Follow/ }).click();
  await expect(logs.getByRole("button", { name: "Pause" })).toBeVisible();

  // Download: the whole log as a file, one line per line with its time.
  const [download] = await Promise.all([page.waitForEvent("download"), logs.getByRole("link", { name: "Download" }).click()]);
  expect(download.suggestedFilename()).toMatch(new RegExp(`^${APP}-.*-${APP}\\.log$`));
  const file = test.info().outputPath("app.log");
  await download.saveAs(file);
  const text = (await import("node:fs")).readFileSync(file, "utf8").trim().split("\n");
  expect(text.length).toBeGreaterThanOrEqual(20);
  for (const line of text) expect(line).toMatch(/^\d{4}-\d{2}-\d{2}T\S+Z level=/);
});

test("[logs] the Logs panel passes axe in both themes, with lines and a search mark, and fits 390 px", async ({ page }) => {
  // Runs after the test above, which deployed the app.
  await signInAs(page, "viewer@slipway.test", `/teams/${TEAM}/apps/${APP}`);
  const logs = page.getByTestId("logs-panel");
  await expect(logs.getByTestId("log-line").first()).toBeVisible();
  await logs.getByLabel("Search", { exact: true }).fill("level");
  await expect(logs.locator("mark").first()).toBeVisible();
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const { violations } = await new AxeBuilder({ page }).include("[data-testid=logs-panel]").analyze();
    expect(
      violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
      scheme,
    ).toEqual([]);
  }
  // At 390 px the panel stays inside the screen, long pod names and lines included.
  await page.setViewportSize({ width: 390, height: 844 });
  const fits = await logs.evaluate((panel) =>
    [panel, ...panel.querySelectorAll("*")].every((element) => element.getBoundingClientRect().right <= 390),
  );
  expect(fits).toBe(true);
});
