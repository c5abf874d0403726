import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";
import { signInAs } from "./fixtures/sign-in";

const run = promisify(execFile);
const APP = "/teams/search/apps/indexer";

test("[truth] a kubectl change shows as drift with who made it, and Re-apply brings the release back", async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  await signInAs(page, "other@slipway.test", APP);
  await page.getByLabel("Image tag or digest").fill("v1.0.0");
  await page.getByRole("button", { name: "Deploy", exact: true }).click();
  await expect(page.getByTestId("release-status")).toHaveText("Succeeded", { timeout: 45_000 });
  await page.reload();
  await expect(page.getByTestId("health")).toContainText(/Healthy|Progressing/);
  await expect(page.getByTestId("drift-notice")).toHaveCount(0);

  // The lead's own kubectl, with the kubeconfig the team page hands out.
  const answer = await page.request.post("/api/v1/teams/search/kubeconfig?format=static", { headers: { origin: baseURL! } });
  expect(answer.status()).toBe(200);
  const file = path.join(mkdtempSync(path.join(tmpdir(), "slipway-truth-")), "kubeconfig");
  writeFileSync(file, await answer.text());
  const kubectl = path.join(process.env.SLIPWAY_K8S_BIN!, "kubectl");
  await run(kubectl, [`--kubeconfig=${file}`, "scale", "deployment/indexer", "--replicas=3"]);

  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("drift-notice")).toContainText("replicas", { timeout: 1_000 });
    await expect(page.getByTestId("drift-notice")).toContainText("other@slipway.test ran kubectl", { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });

  await page.getByRole("button", { name: /Re-apply release #\d+/ }).click();
  await page.getByRole("button", { name: "Re-apply", exact: true }).click();
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("drift-notice")).toHaveCount(0, { timeout: 1_000 });
  }).toPass({ timeout: 45_000 });
  await expect(page.getByTestId("health")).toContainText(/Healthy|Progressing/);
});
