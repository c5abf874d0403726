import { describe, expect, test } from "vitest";
import { diffSpecs, releaseSpec } from "@/lib/apps/release-spec";
import { appSpecToYaml } from "@/lib/apps/app-spec-yaml";
import { appDrift } from "@/lib/k8s/app-drift";
import { buildDeployment, SECRETS_HASH_ANNOTATION, secretsHash, type AppSpec } from "@/lib/k8s/manifests";
import { secretName, secretValue } from "@/lib/secrets/secret.types";
import { parseInput } from "@/lib/validation/parse-input";
import { z } from "zod";

const app: AppSpec = {
  team: "payments",
  namespace: "team-payments",
  name: "api",
  image: "registry.example.com/api:v1",
  containerPort: 8080,
  replicas: 1,
  env: [{ name: "MODE", value: "live" }],
  secrets: [{ name: "DATABASE_URL", version: 3 }],
  resources: {},
};
const release = { id: "rel", sequence: 1 };

describe("[secrets] the Deployment", () => {
  test("references each secret from the app's Secret, after the plain variables", () => {
    const container = buildDeployment(app, release).spec!.template.spec!.containers[0]!;
    expect(container.env).toEqual([
      { name: "MODE", value: "live" },
      { name: "DATABASE_URL", valueFrom: { secretKeyRef: { name: "api-slipway-secrets", key: "DATABASE_URL" } } },
    ]);
  });

  test("the pod template's hash follows names and versions, in any order, and is absent without secrets", () => {
    const hashOf = (spec: AppSpec) => buildDeployment(spec, release).spec!.template.metadata!.annotations?.[SECRETS_HASH_ANNOTATION];
    const v3 = hashOf(app);
    expect(v3).toBe(secretsHash([{ name: "DATABASE_URL", version: 3 }]));
    expect(hashOf({ ...app, secrets: [{ name: "DATABASE_URL", version: 4 }] })).not.toBe(v3);
    const two = [
      { name: "A", version: 1 },
      { name: "B", version: 2 },
    ];
    expect(secretsHash(two)).toBe(secretsHash([...two].reverse()));
    expect(hashOf({ ...app, secrets: [] })).toBeUndefined();
    expect(buildDeployment({ ...app, secrets: undefined }, release).spec!.template.metadata).toEqual({
      labels: expect.any(Object),
    });
  });

  test("drift compares secrets by reference, so a deployed secret is not drift", () => {
    const live = { deployment: buildDeployment(app, release), service: { spec: { type: "ClusterIP", ports: [{ port: 80 }] } } };
    expect(appDrift(app, live as never)).toEqual([]);
    expect(appDrift({ ...app, secrets: [] }, live as never)).toEqual([
      { field: "secret.DATABASE_URL", expected: null, live: "from secret" },
    ]);
  });
});

describe("[secrets] the release diff", () => {
  const spec = { name: "api", imageRepository: "r", containerPort: 80, replicas: 1, env: [], resources: {} };
  test("says which secret changed and between which versions, never a value", () => {
    const before = releaseSpec(spec, "r:1", [
      { name: "DATABASE_URL", version: 3 },
      { name: "OLD", version: 1 },
    ]);
    const after = releaseSpec(spec, "r:1", [
      { name: "DATABASE_URL", version: 4 },
      { name: "NEW", version: 1 },
    ]);
    expect(diffSpecs(before, after)).toEqual([
      { field: "secret.DATABASE_URL", before: "v3", after: "v4", summary: "DATABASE_URL changed (v3 → v4)" },
      { field: "secret.NEW", before: undefined, after: "v1", summary: "NEW added (v1)" },
      { field: "secret.OLD", before: "v1", after: undefined, summary: "OLD removed (was v1)" },
    ]);
    // Releases from before secrets existed have no list: the same as none.
    expect(diffSpecs(releaseSpec(spec, "r:1"), releaseSpec(spec, "r:1", []))).toEqual([]);
  });
});

describe("[secrets] names and values", () => {
  const input = z.object({ name: secretName, value: secretValue });
  const errorsOf = (raw: unknown) => {
    try {
      parseInput(input, raw);
      return null;
    } catch (error) {
      return error as Error & { fieldErrors: Record<string, string[]> };
    }
  };

  test("names follow environment variable rules, with a length limit", () => {
    expect(errorsOf({ name: "DATABASE_URL", value: "x" })).toBeNull();
    expect(errorsOf({ name: "_TOKEN2", value: "x" })).toBeNull();
    for (const bad of ["database_url", "1ST", "A-B", "", "A".repeat(101)]) {
      expect(errorsOf({ name: bad, value: "x" })?.fieldErrors.name, bad).toBeDefined();
    }
  });

  test("values are not empty and at most 64 KiB (in bytes), and a refusal never repeats them", () => {
    const value = "hunter2-" + "é".repeat(32 * 1024);
    const refused = errorsOf({ name: "A", value })!;
    expect(refused.fieldErrors).toEqual({ value: ["must be at most 64 KiB"] });
    expect(refused.message).not.toContain("hunter2");
    expect(errorsOf({ name: "A", value: "" })!.fieldErrors).toEqual({ value: ["must not be empty"] });
    expect(errorsOf({ name: "A", value: "x".repeat(64 * 1024) })).toBeNull();
  });

  test("the spec file lists secret names in a comment and nothing else about them", () => {
    const yaml = appSpecToYaml({ ...spec(), env: [] }, "payments", ["API_KEY", "DATABASE_URL"]);
    expect(yaml).toContain("# Secrets (values are write-only; set them with slipway secrets set): API_KEY, DATABASE_URL");
    expect(appSpecToYaml({ ...spec(), env: [] }, "payments")).not.toContain("Secrets");
  });
});

function spec() {
  return { name: "api", imageRepository: "registry.example.com/api", containerPort: 80, replicas: 1, env: [], resources: {} };
}
