import { describe, expect, it } from "vitest";
import { safeCallbackPath, sameOriginRedirect } from "@/lib/auth/callback-url";
import { hasMalformedCallbackUrlParam, isWellFormedCallbackUrl, malformedCallbackUrlCookies } from "@/lib/auth/next-auth-input";

// Each of these leads a browser to another site, or cannot go in a Location header.
const FOREIGN_OR_BROKEN = [
  "https://evil.example/",
  "//evil.example/x",
  "/\\evil.example",
  "/\t/evil.example/",
  "/\t\\evil.example",
  "/\n/evil.example/",
  "/.//evil.example",
  "/..//evil.example",
  "/%2e//evil.example",
  "/\r",
  "/\u0000",
  "/\u0085",
  "javascript:alert(1)",
];

describe("[auth] safeCallbackPath", () => {
  it("keeps paths on this site", () => {
    expect(safeCallbackPath("/teams/payments?tab=apps#x")).toBe("/teams/payments?tab=apps#x");
    expect(safeCallbackPath(["/a", "/b"])).toBe("/a");
  });

  it("percent-encodes what a Location header cannot carry", () => {
    expect(safeCallbackPath("/teams/café?q=€")).toBe("/teams/caf%C3%A9?q=%E2%82%AC");
  });

  it.each([undefined, null, "", "teams", ...FOREIGN_OR_BROKEN])("turns %j into /", (value) => {
    expect(safeCallbackPath(value)).toBe("/");
  });
});

describe("[auth] sameOriginRedirect (next-auth's redirect callback)", () => {
  const baseUrl = "https://slipway.example.com";

  it("keeps paths and absolute URLs on this origin, as absolute URLs", () => {
    expect(sameOriginRedirect({ url: "/teams?x=1", baseUrl })).toBe("https://slipway.example.com/teams?x=1");
    expect(sameOriginRedirect({ url: "https://slipway.example.com/activity", baseUrl })).toBe("https://slipway.example.com/activity");
    expect(sameOriginRedirect({ url: "/.//evil.example", baseUrl })).toBe("https://slipway.example.com//evil.example");
    expect(sameOriginRedirect({ url: "/€", baseUrl })).toBe("https://slipway.example.com/%E2%82%AC");
  });

  it.each([
    "not a url",
    "http://slipway.example.com/",
    "https://slipway.example.com.evil.example/",
    ...FOREIGN_OR_BROKEN.filter((url) => !url.startsWith("/.") && !url.startsWith("/%2e")),
  ])("sends %j to the base URL", (url) => {
    expect(sameOriginRedirect({ url, baseUrl })).toBe(baseUrl);
  });
});

describe("[auth] next-auth input", () => {
  it.each(["", "/", "/teams?x=€", "http://127.0.0.1:3000/", "https://evil.example/"])("lets %j through to next-auth", (value) => {
    expect(isWellFormedCallbackUrl(value)).toBe(true);
  });

  it.each(["teams", "€", "http://[", "javascript:alert(1)", "/\n", "/\u0000", "http://a/\r"])("keeps %j from next-auth", (value) => {
    expect(isWellFormedCallbackUrl(value)).toBe(false);
  });

  it("checks every callbackUrl parameter (next-auth reads the last)", () => {
    expect(hasMalformedCallbackUrlParam(new URL("http://x/api/auth/session?callbackUrl=%2F&callbackUrl=foo"))).toBe(true);
    expect(hasMalformedCallbackUrlParam(new URL("http://x/api/auth/session?callbackUrl=%2Fteams"))).toBe(false);
    expect(hasMalformedCallbackUrlParam(new URL("http://x/api/auth/session"))).toBe(false);
  });

  it("names the callback-url cookies to drop, and only those", () => {
    const cookies = [
      { name: "next-auth.callback-url", value: "x" },
      { name: "__Secure-next-auth.callback-url", value: "http://127.0.0.1/" },
      { name: "other", value: "x" },
    ];
    expect(malformedCallbackUrlCookies({ getAll: () => cookies })).toEqual(["next-auth.callback-url"]);
  });
});
