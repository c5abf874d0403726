import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { signInAs } from "./fixtures/sign-in";

test.describe.configure({ mode: "serial" });

const TEAM = "orbit";
const APP = "moon";
const PAGE = `/teams/${TEAM}/apps/${APP}`;
const API = `/api/v1/teams/${TEAM}`;

async function podsIn(request: APIRequestContext, environment: string): Promise<string[]> {
  const response = await request.get(`${API}/apps/${APP}/status?tailLines=0&environment=${environment}`);
  const body = (await response.json()) as { view?: { pods: { name: string }[] } };
  return (body.view?.pods ?? []).map((pod) => pod.name).sort();
}

test("[environments] a team with production and qa, the app deployed to both", async ({ page, baseURL }) => {
  const origin = { origin: baseURL! };
  await signInAs(page, "admin@slipway.test", "/teams");
  const team = await page.request.post("/api/v1/teams", {
    headers: origin,
    data: { slug: TEAM, name: "Orbit", leadEmail: "lead@slipway.test" },
  });
  expect(team.status(), await team.text()).toBe(201);

  await page.context().clearCookies();
  await signInAs(page, "lead@slipway.test", `/teams/${TEAM}`);
  const qa = await page.request.post(`${API}/environments`, { headers: origin, data: { name: "qa" } });
  expect(qa.status(), await qa.text()).toBe(201);
  const app = await page.request.post(`${API}/apps`, {
    headers: origin,
    data: { name: APP, imageRepository: "registry.example.com/orbit/moon", containerPort: 8080, replicas: 1 },
  });
  expect(app.status(), await app.text()).toBe(201);
  for (const environment of ["production", "qa"]) {
    const deployed = await page.request.post(`${API}/apps/${APP}/deploys`, { headers: origin, data: { version: "1.0.0", environment } });
    expect([200, 202], await deployed.text()).toContain(deployed.status());
    const { release } = (await deployed.json()) as { release: { sequence: number } };
    await expect
      .poll(
        async () =>
          ((await (await page.request.get(`${API}/apps/${APP}/releases/${release.sequence}`)).json()) as { release: { status: string } })
            .release.status,
        { timeout: 45_000 },
      )
      .toBe("SUCCEEDED");
  }
  await expect.poll(() => podsIn(page.request, "qa"), { timeout: 20_000 }).toHaveLength(1);
});

test("[environments] the app page switches environment from the keyboard, shows its pods, and scales there", async ({ page }) => {
  await signInAs(page, "lead@slipway.test", PAGE);
  const switcher = page.getByRole("navigation", { name: "Environment shown" });
  await expect(switcher.getByRole("link", { name: /production/ })).toHaveAttribute("aria-current", "page");
  const production = await podsIn(page.request, "production");
  const qa = await podsIn(page.request, "qa");
  expect(production).toHaveLength(1);
  expect(qa).not.toEqual(production);
  const podNames = () => page.getByTestId("pod-row").locator("td:first-child").allTextContents();
  expect((await podNames()).sort()).toEqual(production);

  // Keyboard: focus the qa link and follow it.
  await switcher.getByRole("link", { name: "qa" }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(`${PAGE}?env=qa`);
  await expect(switcher.getByRole("link", { name: "qa" })).toHaveAttribute("aria-current", "page");
  await expect(switcher.getByRole("link", { name: /production/ })).not.toHaveAttribute("aria-current");
  await expect(page.getByRole("heading", { name: "In the cluster · qa" })).toBeVisible();
  await expect.poll(async () => (await podNames()).sort()).toEqual(qa);
  await expect(page.getByTestId("logs-panel").getByLabel("Pod", { exact: true })).toHaveValue(qa[0]!);
  await expect(page.getByTestId("log-line").first()).toBeVisible();
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);

  // Scale acts on qa, not on production.
  await page.getByLabel("Replicas", { exact: true }).fill("3");
  await page.getByRole("button", { name: "Scale", exact: true }).click();
  await expect(page.getByText("Scaled to 3.")).toBeVisible();
  await expect.poll(() => podsIn(page.request, "qa"), { timeout: 20_000 }).toHaveLength(3);
  expect(await podsIn(page.request, "production")).toEqual(production);
  await expect(async () => {
    await page.reload();
    expect(await podNames()).toHaveLength(3);
  }).toPass({ timeout: 20_000 });
  await expect(page).toHaveURL(`${PAGE}?env=qa`);

  // Back to production: its one pod again.
  await switcher.getByRole("link", { name: /production/ }).click();
  await expect(page).toHaveURL(PAGE);
  await expect(page.getByRole("heading", { name: "In the cluster · production" })).toBeVisible();
  await expect.poll(async () => (await podNames()).sort()).toEqual(production);

  // An environment the team does not have: said so, and the default shown.
  await page.goto(`${PAGE}?env=nope`);
  await expect(
    page.getByRole("status").filter({ hasText: "This team has no environment named “nope”; showing production." }),
  ).toBeVisible();
  await expect(switcher.getByRole("link", { name: /production/ })).toHaveAttribute("aria-current", "page");
});

test("[environments] a secret set on qa's page is qa's only: listed there, rolled there, absent from production", async ({ page }) => {
  await signInAs(page, "lead@slipway.test", `${PAGE}?env=qa`);
  await expect(page.getByRole("heading", { name: "Secrets in qa" })).toBeVisible();
  await page.getByLabel("Name", { exact: true }).fill("QA_ONLY");
  await page.getByLabel("Value", { exact: true }).fill("qa-value-4b1d");
  await page.getByRole("button", { name: "Set secret" }).click();
  await expect(page.getByTestId("set-secret-form").getByRole("status")).toContainText(
    "QA_ONLY set (v1). The app is rolling out as release #",
  );
  await expect(page.getByTestId("secret-QA_ONLY")).toContainText("v1");

  const listed = async (environment: string) =>
    (
      (await (await page.request.get(`${API}/apps/${APP}/secrets?environment=${environment}`)).json()) as { secrets: { name: string }[] }
    ).secrets.map((secret) => secret.name);
  expect(await listed("qa")).toEqual(["QA_ONLY"]);
  expect(await listed("production")).toEqual([]);
  await page
    .getByRole("navigation", { name: "Environment shown" })
    .getByRole("link", { name: /production/ })
    .click();
  await expect(page).toHaveURL(PAGE);
  await expect(page.getByRole("heading", { name: "Secrets in production" })).toBeVisible();
  await expect(page.getByTestId("secret-QA_ONLY")).toHaveCount(0);
});
