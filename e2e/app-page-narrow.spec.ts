import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { signInAs } from "./fixtures/sign-in";

test.describe.configure({ mode: "serial" });

const TEAM = "payments";
const APP = "narrow";
const API = `/api/v1/teams/${TEAM}/apps`;

test("[a11y] a deployed app's page, with its release history, pods and logs, is set up", async ({ page, baseURL }) => {
  await signInAs(page, "lead@slipway.test", `/teams/${TEAM}`);
  const origin = { origin: baseURL! };
  const created = await page.request.post(API, {
    headers: origin,
    data: { name: APP, imageRepository: "registry.example.com/payments/narrow-with-a-longer-name", containerPort: 8080, replicas: 2 },
  });
  expect(created.status(), await created.text()).toBe(201);
  for (const version of ["1.0.0", "1.1.0-a-longer-release-candidate"]) {
    const deployed = await page.request.post(`${API}/${APP}/deploys`, { headers: origin, data: { version } });
    expect([200, 202], await deployed.text()).toContain(deployed.status());
    const { release } = (await deployed.json()) as { release: { sequence: number } };
    await expect
      .poll(
        async () =>
          ((await (await page.request.get(`${API}/${APP}/releases/${release.sequence}`)).json()) as { release: { status: string } }).release
            .status,
        { timeout: 45_000 },
      )
      .toBe("SUCCEEDED");
  }
});

for (const scheme of ["light", "dark"] as const) {
  test(`[a11y] at 390 px a deployed app's page does not overflow and axe finds nothing, ${scheme} theme`, async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.emulateMedia({ colorScheme: scheme });
    await signInAs(page, "deployer@slipway.test", `/teams/${TEAM}/apps/${APP}`);
    await expect(page.getByTestId("pod-row")).toHaveCount(2);
    await expect(page.getByTestId("release-2")).toBeVisible();
    await expect(page.getByTestId("log-line").first()).toBeVisible();
    const wide = await page.evaluate(() =>
      [...document.querySelectorAll("main *")]
        .filter((element) => element.getBoundingClientRect().right > window.innerWidth + 0.5)
        .filter((element) => {
          // Inside a box that scrolls (or clips) sideways is fine: that box is checked itself.
          for (let parent = element.parentElement; parent; parent = parent.parentElement)
            if (["auto", "scroll", "hidden"].includes(getComputedStyle(parent).overflowX)) return false;
          return true;
        })
        .map((element) => `${element.tagName.toLowerCase()}.${element.className}`.slice(0, 120)),
    );
    expect(wide, "elements past the right edge outside a scrolling region").toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // The tables scroll in their own region, which the keyboard can reach.
    for (const name of ["Release history table", "Pods table"]) {
      const region = page.getByRole("region", { name });
      await expect(region).toHaveAttribute("tabindex", "0");
      expect(await region.evaluate((element) => element.getBoundingClientRect().right)).toBeLessThanOrEqual(390);
    }
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  });
}
