import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { signInAs } from "./fixtures/sign-in";

/** Every main page, as the people who see it differently (forms as a viewer get a refusal page). */
const PAGES: [string, string][] = [
  ["deployer@slipway.test", "/"],
  ["deployer@slipway.test", "/teams"],
  ["deployer@slipway.test", "/teams/payments"],
  ["deployer@slipway.test", "/teams/payments/apps/api"],
  ["deployer@slipway.test", "/teams/payments/apps/api/edit"],
  ["deployer@slipway.test", "/teams/payments/apps/new"],
  ["deployer@slipway.test", "/teams/payments/apps/import"],
  ["deployer@slipway.test", "/activity"],
  ["deployer@slipway.test", "/settings/tokens"],
  ["viewer@slipway.test", "/teams/payments/apps/new"],
  ["viewer@slipway.test", "/teams/payments/apps/api/edit"],
  ["other@slipway.test", "/teams/payments/apps/api"],
  ["admin@slipway.test", "/"],
];

async function violations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

for (const scheme of ["light", "dark"] as const) {
  test(`[a11y] axe finds nothing on the main pages, ${scheme} theme`, async ({ page }) => {
    test.setTimeout(180_000);
    await page.emulateMedia({ colorScheme: scheme });
    let signedIn = "";
    for (const [who, path] of PAGES) {
      if (who !== signedIn) {
        await page.context().clearCookies();
        await signInAs(page, who, path);
        signedIn = who;
      } else {
        await page.goto(path);
      }
      await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
      expect(await violations(page), `${path} as ${who}`).toEqual([]);
    }
  });
}

test("[a11y] at 390 px nothing overflows the page, and the deploy box keeps its width", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signInAs(page, "deployer@slipway.test", "/teams/payments/apps/api");
  for (const path of ["/teams/payments/apps/api", "/teams/payments", "/activity", "/"]) {
    await page.goto(path);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width, path).toBeLessThanOrEqual(390);
  }
  await page.goto("/teams/payments/apps/api");
  const box = await page.getByLabel("Image tag or digest").boundingBox();
  expect(box!.width).toBeGreaterThan(150);
});

test("[a11y] the theme toggle pins the other theme and keeps it", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "light" });
  await signInAs(page, "viewer@slipway.test");
  await page.getByTestId("theme-toggle").click();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(background).not.toBe("rgb(248, 250, 252)");
  await page.getByTestId("theme-toggle").click();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "light");
});
