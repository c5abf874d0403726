import { createHmac } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { signInAs } from "./fixtures/sign-in";

test.describe.configure({ mode: "serial" });

type Received = { headers: http.IncomingHttpHeaders; body: string };
const received: Received[] = [];
let server: http.Server;
let receiverUrl: string;

test.beforeAll(async () => {
  server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString("utf8") });
      response.writeHead(200, { "content-type": "text/plain" }).end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  receiverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slipway`;
});

test.afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function signatureValid(secret: string, request: Received) {
  const [t, v1] = String(request.headers["slipway-signature"])
    .split(",")
    .map((part) => part.split("=")[1]);
  return v1 === createHmac("sha256", secret).update(`${t}.${request.body}`).digest("hex");
}

test("[webhooks] a lead adds a webhook, a deploy is delivered signed, and Redeliver sends it again", async ({ page }) => {
  await signInAs(page, "lead@slipway.test", "/teams/payments");
  await page.getByRole("link", { name: "Register an app" }).click();
  await page.getByLabel("Name").fill("hooked");
  await page.getByLabel("Image repository").fill("registry.example.com/payments/hooked");
  await page.getByRole("button", { name: "Register app" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "hooked" })).toBeVisible();

  await page.goto("/teams/payments");
  await page.getByRole("link", { name: "Webhooks" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Webhooks" })).toBeVisible();
  await page.getByLabel("URL").fill("http://169.254.169.254/latest");
  await page.getByRole("button", { name: "Add webhook" }).click();
  await expect(page.locator("#url-error")).toContainText("host 169.254.169.254 is not allowed");

  await page.getByLabel("URL").fill(receiverUrl);
  await page.getByLabel("Deploy requested").check();
  await page.getByRole("button", { name: "Add webhook" }).click();
  const secretField = page.getByTestId("webhook-secret");
  await expect(secretField).toHaveValue(/^whsec_/);
  const secret = await secretField.inputValue();
  await expect(page.getByTestId("webhook")).toContainText(receiverUrl);
  await page.reload();
  await expect(page.getByTestId("webhook-secret")).toHaveCount(0);
  await expect(page.getByText(secret)).toHaveCount(0);

  await page.goto("/teams/payments/apps/hooked");
  await page.getByLabel("Image tag or digest").fill("1.0.0");
  await page.getByRole("button", { name: "Deploy", exact: true }).click();
  await expect(page.getByText("Release #1", { exact: true })).toBeVisible();
  await expect.poll(() => received.filter((r) => r.headers["slipway-event"] === "deploy.requested").length, { timeout: 20_000 }).toBe(1);
  const first = received.find((r) => r.headers["slipway-event"] === "deploy.requested")!;
  expect(signatureValid(secret, first)).toBe(true);
  const envelope = JSON.parse(first.body);
  expect(envelope).toMatchObject({ type: "deploy.requested", team: { slug: "payments" }, actor: { email: "lead@slipway.test" } });
  expect(envelope.data).toMatchObject({ app: "hooked", sequence: 1 });

  await page.goto("/teams/payments/webhooks");
  const row = page.getByTestId("delivery").filter({ hasText: "deploy.requested" });
  await expect(row.getByTestId("delivery-status")).toHaveText("delivered");
  await expect(row.getByTestId("delivery-response")).toHaveText("200");
  await row.getByRole("button", { name: "Redeliver" }).click();
  await expect(row.getByRole("status")).toContainText("Queued as delivery");
  await expect.poll(() => received.filter((r) => r.headers["slipway-event"] === "deploy.requested").length, { timeout: 20_000 }).toBe(2);
  const again = received.filter((r) => r.headers["slipway-event"] === "deploy.requested")[1]!;
  expect(JSON.parse(again.body).id).toBe(envelope.id);
  expect(again.headers["slipway-delivery"]).not.toBe(first.headers["slipway-delivery"]);
  expect(signatureValid(secret, again)).toBe(true);
  await page.reload();
  await expect(page.getByTestId("delivery").filter({ hasText: "deploy.requested" })).toHaveCount(2);
});

test("[webhooks] a lead edits the URL, events and format; a refused URL names the field and changes nothing", async ({ page }) => {
  await signInAs(page, "lead@slipway.test", "/teams/payments/webhooks");
  const hook = page.getByTestId("webhook").filter({ hasText: receiverUrl });
  await hook.getByText("Edit URL, events and format").click();
  const url = hook.getByLabel("URL");
  await url.fill("http://169.254.169.254/latest");
  await hook.getByRole("button", { name: "Save webhook" }).click();
  await expect(url).toHaveAttribute("aria-invalid", "true");
  await expect(hook.locator("#url-error")).toContainText("host 169.254.169.254 is not allowed");
  await page.reload();
  await expect(hook).toHaveCount(1);

  await hook.getByText("Edit URL, events and format").click();
  await url.fill(`${receiverUrl}?edited=1`);
  await hook.getByLabel("Deploy failed").check();
  await hook.getByLabel("Format").selectOption("SLACK");
  await hook.getByRole("button", { name: "Save webhook" }).click();
  await expect(hook.getByRole("status").filter({ hasText: "Webhook saved." })).toBeVisible();
  await page.reload();
  await hook.getByText("Edit URL, events and format").click();
  await expect(url).toHaveValue(`${receiverUrl}?edited=1`);
  await expect(hook.getByLabel("Deploy failed")).toBeChecked();
  await expect(hook.getByLabel("Deploy requested")).toBeChecked();
  await expect(hook.getByLabel("Format")).toHaveValue("SLACK");

  // Back to what the next test expects: Slipway JSON to the receiver's own path.
  await url.fill(receiverUrl);
  await hook.getByLabel("Format").selectOption("SLIPWAY");
  await hook.getByRole("button", { name: "Save webhook" }).click();
  await expect(hook.getByRole("status").filter({ hasText: "Webhook saved." })).toBeVisible();
});

test("[webhooks] a lead rotates the secret (shown once, behind a confirmation) and deletes the webhook behind another", async ({
  page,
}) => {
  await signInAs(page, "lead@slipway.test", "/teams/payments/webhooks");
  const hook = page.getByTestId("webhook").filter({ hasText: receiverUrl });
  await hook.getByRole("button", { name: "Rotate secret" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByTestId("webhook-secret")).toHaveCount(0);
  await hook.getByRole("button", { name: "Rotate secret" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Rotate secret" }).click();
  await expect(page.getByTestId("webhook-secret")).toHaveValue(/^whsec_/);
  const rotated = await page.getByTestId("webhook-secret").inputValue();

  // The next delivery is signed with the new secret.
  await page.getByTestId("delivery").filter({ hasText: "deploy.requested" }).first().getByRole("button", { name: "Redeliver" }).click();
  await expect.poll(() => received.filter((r) => r.headers["slipway-event"] === "deploy.requested").length, { timeout: 20_000 }).toBe(3);
  expect(signatureValid(rotated, received.filter((r) => r.headers["slipway-event"] === "deploy.requested")[2]!)).toBe(true);

  await page.reload();
  await hook.getByRole("button", { name: "Delete" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Cancel" }).click();
  await expect(hook).toHaveCount(1);
  await hook.getByRole("button", { name: "Delete" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Delete webhook" }).click();
  await expect(page.getByTestId("webhook").filter({ hasText: receiverUrl })).toHaveCount(0);
});
