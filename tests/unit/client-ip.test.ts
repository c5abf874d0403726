import { describe, expect, it } from "vitest";
import { clientIp } from "@/lib/http/client-ip";

describe("[http] clientIp", () => {
  it("is the socket's peer when no proxy is trusted, whatever X-Forwarded-For says", () => {
    expect(clientIp({ peer: "198.51.100.7", forwardedFor: "203.0.113.9", trustedProxies: [] })).toBe("198.51.100.7");
    expect(clientIp({ peer: "198.51.100.7", forwardedFor: null, trustedProxies: [] })).toBe("198.51.100.7");
  });

  it("ignores X-Forwarded-For from a peer that is not a trusted proxy", () => {
    expect(clientIp({ peer: "198.51.100.7", forwardedFor: "203.0.113.9", trustedProxies: ["10.0.0.0/8"] })).toBe("198.51.100.7");
  });

  it("follows a trusted proxy chain back to the first untrusted address, not the client's own first entry", () => {
    const trustedProxies = ["10.0.0.0/8", "fd00::/8"];
    // The client wrote "1.1.1.1"; the edge proxy appended the client's real address; an inner proxy appended the edge's.
    const forwardedFor = "1.1.1.1, 203.0.113.9, 10.0.0.2";
    expect(clientIp({ peer: "10.0.0.3", forwardedFor, trustedProxies })).toBe("203.0.113.9");
    expect(clientIp({ peer: "fd00::3", forwardedFor: "203.0.113.9", trustedProxies })).toBe("203.0.113.9");
  });

  it("stops at the last entry when every hop is trusted", () => {
    expect(clientIp({ peer: "10.0.0.3", forwardedFor: "10.0.0.9", trustedProxies: ["10.0.0.0/8"] })).toBe("10.0.0.9");
  });

  it("gives IPv4-mapped addresses as IPv4, and no address for what is not one", () => {
    expect(clientIp({ peer: "::ffff:127.0.0.1", forwardedFor: null, trustedProxies: [] })).toBe("127.0.0.1");
    expect(clientIp({ peer: "::ffff:10.0.0.3", forwardedFor: "203.0.113.9", trustedProxies: ["10.0.0.0/8"] })).toBe("203.0.113.9");
    expect(clientIp({ peer: "10.0.0.3", forwardedFor: "<script>", trustedProxies: ["10.0.0.0/8"] })).toBeUndefined();
    expect(clientIp({ peer: undefined, forwardedFor: "203.0.113.9", trustedProxies: [] })).toBeUndefined();
  });
});
