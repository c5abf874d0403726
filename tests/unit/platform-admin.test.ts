import { describe, expect, it } from "vitest";
import { isPlatformAdmin } from "@/lib/auth/platform-admin";

const config = { emails: ["boss@example.com"], groups: ["platform-admins"] };

describe("[auth] isPlatformAdmin", () => {
  it("follows the email list, ignoring case", () => {
    expect(isPlatformAdmin({ email: "Boss@Example.com" }, config)).toBe(true);
    expect(isPlatformAdmin({ email: "someone@example.com" }, config)).toBe(false);
  });

  it("follows the groups claim", () => {
    expect(isPlatformAdmin({ email: "someone@example.com", groups: ["devs", "platform-admins"] }, config)).toBe(true);
    expect(isPlatformAdmin({ email: "someone@example.com", groups: ["devs"] }, config)).toBe(false);
  });

  it("makes no one an admin when nothing is configured", () => {
    expect(isPlatformAdmin({ email: "boss@example.com", groups: ["platform-admins"] }, { emails: [], groups: [] })).toBe(false);
  });
});
