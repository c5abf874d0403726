import { describe, expect, it } from "vitest";
import { appFormSchema, envFromLines, formFieldOf } from "@/lib/apps/app-form";
import { appSpecSchema, imageReference, imageVersion, versionOf } from "@/lib/apps/app-spec.types";
import { diffSpecs, releaseSpec } from "@/lib/apps/release-spec";

const valid = { name: "api", imageRepository: "registry.example.com:5000/team/api", containerPort: 8080, replicas: 2 };

function errorsOf(input: unknown) {
  const result = appSpecSchema.safeParse(input);
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((issue) => [issue.path.join("."), issue.message]));
}

describe("[apps] app spec validation", () => {
  it("accepts a minimal spec and fills defaults", () => {
    expect(appSpecSchema.parse(valid)).toEqual({ ...valid, env: [], resources: {} });
  });

  it.each([
    ["name", { name: "API" }, "must be lowercase letters, digits and '-', starting and ending with a letter or digit"],
    ["name", { name: "new" }, "is reserved (new, import, spec); pick another name"],
    ["imageRepository", { imageRepository: "nginx:1.25" }, "must be an image repository like registry.example.com/team/app, without a tag"],
    [
      "imageRepository",
      { imageRepository: "Registry/App" },
      "must be an image repository like registry.example.com/team/app, without a tag",
    ],
    ["containerPort", { containerPort: 70000 }, "must be 1-65535"],
    ["replicas", { replicas: 21 }, "must be 0-20"],
    ["replicas", { replicas: 1.5 }, "must be a whole number"],
    ["env.0.name", { env: [{ name: "1X", value: "" }] }, "must be a C identifier: letters, digits and _, not starting with a digit"],
    [
      "env.1.name",
      {
        env: [
          { name: "A", value: "1" },
          { name: "A", value: "2" },
        ],
      },
      "A is set twice",
    ],
    ["resources.requests.cpu", { resources: { requests: { cpu: "lots" } } }, "must be CPU cores like 250m or 0.5"],
    ["resources.requests.cpu", { resources: { requests: { cpu: "9" } } }, "must be more than 0 and at most 8 cores"],
    ["resources.limits.memory", { resources: { limits: { memory: "64Gi" } } }, "must be more than 0 and at most 32Gi"],
    [
      "resources.requests.memory",
      { resources: { requests: { memory: "2Gi" }, limits: { memory: "1Gi" } } },
      "must not be more than the memory limit",
    ],
    ["healthCheckPath", { healthCheckPath: "healthz" }, "must be a path starting with /"],
    ["host", { host: "not a host" }, "must be a DNS name like app.example.com"],
  ])("%s: %j is refused", (field, change, message) => {
    expect(errorsOf({ ...valid, ...change })[field]).toBe(message);
  });

  it("accepts image repositories in the distribution grammar", () => {
    for (const repo of ["nginx", "library/nginx", "localhost:5000/a/b", "ghcr.io/org/app_name", "a.b-c.io/x__y/z-1.2"]) {
      expect(errorsOf({ ...valid, imageRepository: repo }), repo).toEqual({});
    }
  });

  it("versions are tags or sha256 digests, and make full references", () => {
    expect(imageVersion.safeParse("v1.2.3").success).toBe(true);
    expect(imageVersion.safeParse(`sha256:${"a".repeat(64)}`).success).toBe(true);
    expect(imageVersion.safeParse("-bad").success).toBe(false);
    expect(imageVersion.safeParse("sha256:xyz").success).toBe(false);
    expect(imageReference("r/app", "v1")).toBe("r/app:v1");
    expect(imageReference("r/app", `sha256:${"b".repeat(64)}`)).toBe(`r/app@sha256:${"b".repeat(64)}`);
    expect(versionOf("localhost:5000/r/app:v2")).toBe("v2");
    expect(versionOf("localhost:5000/r/app")).toBe("latest");
    expect(versionOf(`r/app@sha256:${"c".repeat(64)}`)).toBe(`sha256:${"c".repeat(64)}`);
  });
});

describe("[apps] the flat form", () => {
  it("reads env lines and resource inputs into the spec", () => {
    expect(envFromLines("A=1\n\n B = x=y \nFLAG")).toEqual([
      { name: "A", value: "1" },
      { name: "B", value: " x=y " },
      { name: "FLAG", value: "" },
    ]);
    const parsed = appFormSchema.parse({
      ...valid,
      containerPort: "8080",
      replicas: "2",
      env: "A=1",
      requestsCpu: "250m",
      limitsMemory: "1Gi",
      host: "",
    });
    expect(parsed).toEqual({
      ...valid,
      env: [{ name: "A", value: "1" }],
      resources: { requests: { cpu: "250m" }, limits: { memory: "1Gi" } },
    });
  });

  it("maps spec paths to form inputs", () => {
    expect(formFieldOf("env.3.name")).toBe("env");
    expect(formFieldOf("resources.limits.cpu")).toBe("limitsCpu");
    expect(formFieldOf("replicas")).toBe("replicas");
  });
});

describe("[deploys] spec diff", () => {
  it("lists changed settings, env by variable", () => {
    const before = releaseSpec(
      {
        ...valid,
        env: [
          { name: "A", value: "1" },
          { name: "B", value: "2" },
        ],
        resources: {},
      },
      "r:1",
    );
    const after = releaseSpec(
      {
        ...valid,
        replicas: 3,
        env: [
          { name: "A", value: "1" },
          { name: "C", value: "3" },
        ],
        resources: { requests: { cpu: "1" } },
      },
      "r:2",
    );
    expect(diffSpecs(before, after)).toEqual([
      { field: "env.B", before: "2", after: undefined },
      { field: "env.C", before: undefined, after: "3" },
      { field: "image", before: "r:1", after: "r:2" },
      { field: "replicas", before: 2, after: 3 },
      { field: "resources.requests.cpu", before: undefined, after: "1" },
    ]);
    expect(diffSpecs(before, before)).toEqual([]);
  });
});
