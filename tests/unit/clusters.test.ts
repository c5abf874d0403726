import { readFileSync } from "node:fs";
import path from "node:path";
import { parseAllDocuments } from "yaml";
import { describe, expect, it } from "vitest";
import { openSecret, sealSecret } from "@/lib/crypto/secret-box";
import { SLIPWAY_ADMISSION_POLICIES } from "@/lib/k8s";
import { registerClusterInput } from "@/lib/clusters/cluster.types";
import { environmentField } from "@/lib/environments/environment.types";

describe("[clusters] stored credentials", () => {
  it("are sealed with AES-256-GCM: a fresh IV each time, the plaintext nowhere, tampering refused", () => {
    const token = "eyJhbGciOiJSUzI1NiJ9.platform-credential";
    const one = sealSecret(token);
    const two = sealSecret(token);
    expect(one).not.toBe(two);
    expect(one).not.toContain(token);
    expect(one).toMatch(/^v1\./);
    expect(openSecret(one)).toBe(token);
    const [version, iv, tag, body] = one.split(".");
    const flipped = `${body![0] === "A" ? "B" : "A"}${body!.slice(1)}`;
    expect(() => openSecret([version, iv, tag, flipped].join("."))).toThrow(/cannot be decrypted/);
  });
});

describe("[clusters] registration input", () => {
  it("names each bad field", () => {
    const result = registerClusterInput.safeParse({ name: "default", server: "http://k8s.example.com", token: " " });
    expect(result.success).toBe(false);
    const fields = Object.fromEntries(result.error!.issues.map((issue) => [issue.path.join("."), issue.message]));
    expect(fields).toEqual({
      name: `"default" is the built-in cluster's name`,
      server: "must start with https://",
      token: "is required",
    });
  });

  it("an environment is optional, blank means the default, and a bad name is refused", () => {
    expect(environmentField.parse({})).toEqual({});
    expect(environmentField.parse({ environment: "" })).toEqual({});
    expect(environmentField.parse({ environment: "staging" })).toEqual({ environment: "staging" });
    expect(environmentField.safeParse({ environment: "Staging!" }).success).toBe(false);
  });
});

describe("[clusters] the check", () => {
  it("looks for exactly the ValidatingAdmissionPolicies that deploy/admission-policies.yaml installs", () => {
    const file = readFileSync(path.resolve(import.meta.dirname, "../../deploy/admission-policies.yaml"), "utf8");
    const names = parseAllDocuments(file)
      .map((doc) => doc.toJSON() as { kind?: string; metadata?: { name?: string } } | null)
      .filter((object) => object?.kind === "ValidatingAdmissionPolicy")
      .map((object) => object!.metadata!.name);
    expect([...SLIPWAY_ADMISSION_POLICIES].sort()).toEqual(names.sort());
  });
});
