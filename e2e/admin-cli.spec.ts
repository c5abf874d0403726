import { expect, test } from "@playwright/test";
import { signInAs } from "./fixtures/sign-in";

test("[cli] a person approves a CLI login in the browser and the CLI collects a token acting as them", async ({ page, request }) => {
  // What `slipway login` does, with no credential yet.
  const started = await request.post("/api/v1/cli/logins", { data: { clientName: "e2e laptop" } });
  expect(started.status()).toBe(201);
  const { code, secret, approvePath } = (await started.json()) as { code: string; secret: string; approvePath: string };
  const poll = () => request.post("/api/v1/cli/logins/token", { data: { secret } }).then((answer) => answer.json());
  expect(await poll()).toEqual({ status: "pending" });

  await signInAs(page, "deployer@slipway.test", approvePath);
  await expect(page.getByText("e2e laptop")).toBeVisible();
  await expect(page.getByTestId("cli-login-code")).toHaveText(code);
  await page.getByRole("button", { name: "Approve" }).click();
  // The outcome, not the button: it is renamed "Approving…" while the request is still on its way.
  await expect(page.getByRole("status").filter({ hasText: "Approved." })).toBeVisible();
  await expect(page.getByRole("button", { name: /Approv/ })).toHaveCount(0);

  const collected = (await poll()) as { status: string; token: string; user: { email: string } };
  expect(collected).toMatchObject({ status: "approved", user: { email: "deployer@slipway.test" } });
  const me = await request.get("/api/v1/me", { headers: { authorization: `Bearer ${collected.token}` } });
  expect(((await me.json()) as { email: string }).email).toBe("deployer@slipway.test");
  // Handed out once: a second poll gets nothing more.
  expect((await poll()).token).toBeUndefined();
});

test("[admin] a platform admin disables a user and enables them again, each behind a confirmation", async ({ page }) => {
  await signInAs(page, "admin@slipway.test", "/admin/users");
  const row = page.getByTestId("user-newbie@slipway.test");
  await expect(row).toContainText("active");

  await row.getByRole("button", { name: "Disable" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Cancel" }).click();
  await expect(row).toContainText("active");

  await row.getByRole("button", { name: "Disable" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Disable" }).click();
  await expect(row).toContainText("disabled");

  await row.getByRole("button", { name: "Enable" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Enable" }).click();
  await expect(row).toContainText("active");
});
