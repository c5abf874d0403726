import { describe, expect, test } from "vitest";
import { loopbackRedirect } from "@/lib/http/loopback-origin";

describe("loopbackRedirect", () => {
  test("a visit on 127.0.0.1 goes to NEXTAUTH_URL's localhost, path and query kept", () => {
    expect(loopbackRedirect("http://127.0.0.1:3000/signin?callbackUrl=%2F", "127.0.0.1:3000", "http://localhost:3000")?.href).toBe(
      "http://localhost:3000/signin?callbackUrl=%2F",
    );
    expect(loopbackRedirect("http://localhost:3100/teams", "localhost:3100", "http://127.0.0.1:3100")?.href).toBe(
      "http://127.0.0.1:3100/teams",
    );
  });

  test("the configured name, other hosts and no NEXTAUTH_URL are left alone", () => {
    expect(loopbackRedirect("http://localhost:3000/", "localhost:3000", "http://localhost:3000")).toBeNull();
    expect(loopbackRedirect("http://10.0.0.5:3000/", "10.0.0.5:3000", "http://localhost:3000")).toBeNull();
    expect(loopbackRedirect("http://127.0.0.1:3000/", "127.0.0.1:3000", "https://slipway.example.com")).toBeNull();
    expect(loopbackRedirect("http://127.0.0.1:3000/", "127.0.0.1:3000", undefined)).toBeNull();
  });
});
