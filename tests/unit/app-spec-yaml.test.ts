import { describe, expect, it } from "vitest";
import { appSpecToYaml, parseAppSpecYaml } from "@/lib/apps/app-spec-yaml";
import type { AppSpecInput } from "@/lib/apps/app-spec.types";
import { AppError } from "@/lib/errors";

const web: AppSpecInput = {
  name: "web",
  imageRepository: "registry.example.com/payments/web",
  containerPort: 8080,
  replicas: 2,
  env: [
    { name: "GREETING", value: "hello: world" },
    { name: "RETRIES", value: "3" },
    { name: "VERBOSE", value: "true" },
  ],
  resources: { requests: { cpu: "100m", memory: "64Mi" }, limits: { cpu: "1", memory: "256Mi" } },
  healthCheckPath: "/healthz",
  host: "web.example.com",
};

function rejection(text: string, team = "payments"): AppError {
  try {
    parseAppSpecYaml(text, team);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected the spec to be rejected");
}

describe("[apps] app spec YAML", () => {
  it("round-trips every field, keeping strings that look like numbers strings", () => {
    const yaml = appSpecToYaml(web, "payments");
    expect(yaml).toContain(
      "apiVersion: slipway.dev/v1\nkind: App\nmetadata:\n  name: web\n  team: payments\nspec:\n  imageRepository: registry.example.com/payments/web\n",
    );
    expect(yaml).toContain('value: "3"');
    expect(parseAppSpecYaml(yaml, "payments")).toEqual(web);
  });

  it("round-trips a minimal spec and leaves optional fields out", () => {
    const minimal: AppSpecInput = { name: "api", imageRepository: "api", containerPort: 80, replicas: 0, env: [], resources: {} };
    const yaml = appSpecToYaml(minimal, "payments");
    expect(yaml).not.toMatch(/healthCheckPath|host/);
    expect(parseAppSpecYaml(yaml, "payments")).toEqual(minimal);
  });

  it("accepts a file without metadata.team, numeric quantities and an empty optional field", () => {
    const text = [
      "apiVersion: slipway.dev/v1",
      "kind: App",
      "metadata: { name: web }",
      "spec:",
      "  imageRepository: web",
      "  containerPort: 8080",
      "  replicas: 1",
      "  resources: { limits: { cpu: 2, memory: 1024 } }",
      "  host:",
    ].join("\n");
    expect(parseAppSpecYaml(text, "payments")).toEqual({
      name: "web",
      imageRepository: "web",
      containerPort: 8080,
      replicas: 1,
      env: [],
      resources: { limits: { cpu: "2", memory: "1024" } },
    });
  });

  it("names each invalid field by its spec path and the line it is on", () => {
    const yaml = appSpecToYaml(web, "payments")
      .replace("replicas: 2", "replicas: 50")
      .replace("name: GREETING", "name: 1BAD")
      .replace('value: "3"', "value: 3")
      .replace("  containerPort: 8080", "  containerPort: 8080\n  color: blue");
    const lines = yaml.split("\n");
    const lineOf = (text: string) => lines.findIndex((line) => line.includes(text)) + 1;
    const error = rejection(yaml);
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.fieldErrors).toEqual({
      replicas: [`must be 0-20 (line ${lineOf("replicas: 50")})`],
      "env.0.name": [`must be a C identifier: letters, digits and _, not starting with a digit (line ${lineOf("1BAD")})`],
      "env.1.value": [`must be a string (put it in quotes) (line ${lineOf("value: 3")})`],
      color: [`is not a field of an app spec (line ${lineOf("color: blue")})`],
    });
    expect(error.message).toMatch(/^Invalid app spec\. replicas: must be 0-20 \(line \d+\)/);
  });

  it("reports metadata.name problems as `name` and missing fields at their mapping", () => {
    const error = rejection("apiVersion: slipway.dev/v1\nkind: App\nmetadata:\n  name: Web_1\nspec:\n  containerPort: 80\n  replicas: 1\n");
    expect(error.fieldErrors).toEqual({
      name: [expect.stringMatching(/^must be lowercase letters.* \(line 4\)$/)],
      imageRepository: ["is required (line 6)"],
    });
  });

  it("rejects the wrong apiVersion, kind or team, naming the field and its line", () => {
    const yaml = appSpecToYaml(web, "payments").replace("slipway.dev/v1", "apps/v1").replace("kind: App", "kind: Deployment");
    expect(rejection(yaml).fieldErrors).toEqual({ apiVersion: ["must be slipway.dev/v1 (line 3)"], kind: ["must be App (line 4)"] });
    expect(rejection(appSpecToYaml(web, "payments"), "search").fieldErrors).toEqual({
      "metadata.team": ['is "payments", but this is applied to team search (line 7)'],
    });
    expect(rejection(appSpecToYaml(web, "payments").replace("spec:", "extra: 1\nspec:")).fieldErrors).toEqual({
      extra: ["is not part of an app spec (expected apiVersion, kind, metadata, spec) (line 8)"],
    });
  });

  it("reports a YAML syntax error with its line", () => {
    const error = rejection("apiVersion: slipway.dev/v1\nkind: App\nmetadata: { name: web\nspec:\n  replicas: 1\n");
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.message).toMatch(/^The YAML is not valid: line \d+, column \d+: /);
    expect(error.fieldErrors?.yaml?.[0]).toMatch(/^line \d+, column \d+: /);
    expect(rejection("kind: App\nkind: App\n").fieldErrors?.yaml?.[0]).toMatch(/^line 2, column 1: Map keys must be unique/);
    expect(rejection("kind: App\n---\nkind: App\n").fieldErrors?.yaml?.[0]).toMatch(/^line 2, column 1: .*multiple documents/);
  });

  it("rejects something that is not a mapping, and files over 64 KiB", () => {
    expect(rejection("- web\n").fieldErrors).toEqual({ yaml: ["must be a mapping with apiVersion, kind, metadata and spec"] });
    expect(rejection("").fieldErrors).toEqual({ yaml: ["must be a mapping with apiVersion, kind, metadata and spec"] });
    const big = `${appSpecToYaml(web, "payments")}\n#${"x".repeat(64 * 1024)}`;
    expect(rejection(big).fieldErrors).toEqual({ yaml: ["must be at most 64 KiB"] });
  });

  it("refuses alias expansion bombs instead of failing on the server", () => {
    const levels = Array.from({ length: 8 }, (_, i) => `l${i + 1}: &l${i + 1} [${Array(9).fill(`*l${i}`).join(", ")}]`);
    const error = rejection(["l0: &l0 [x, x, x, x, x, x, x, x, x]", ...levels].join("\n"));
    expect(error.fieldErrors?.yaml?.[0]).toMatch(/Excessive alias count/);
  });
});

describe("parseAppSpecYaml reports every problem at once", () => {
  it("envelope and spec errors come back together", () => {
    const text =
      "apiVersion: slipway.dev/v0\nkind: App\nmetadata:\n  name: web\nspec:\n  imageRepository: registry.example.com/a/web\n  containerPort: 80\n  replicas: 99\n";
    let error: unknown;
    try {
      parseAppSpecYaml(text, "payments");
    } catch (e) {
      error = e;
    }
    const fields = (error as { fieldErrors?: Record<string, string[]> }).fieldErrors ?? {};
    expect(Object.keys(fields).sort()).toEqual(["apiVersion", "replicas"]);
  });
});
