import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requestPeerAddress } from "@/lib/http/request-peer";
import { installServerHook } from "@/lib/http/server-hook";

describe("[http] server hook", () => {
  let server: http.Server;
  let port: number;

  beforeAll(async () => {
    installServerHook();
    installServerHook(); // once only, however often it is called
    server = http.createServer(async (request, response) => {
      await new Promise((resolve) => setTimeout(resolve, 1)); // still known after an await
      response.end(JSON.stringify({ method: request.method, peer: requestPeerAddress() ?? null }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const send = (method: string, headers: Record<string, string> = {}) =>
    new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
      const request = http.request({ port, host: "127.0.0.1", method, headers }, (response) => {
        let body = "";
        response.on("data", (chunk) => (body += chunk));
        response.on("end", () => resolve({ status: response.statusCode!, headers: response.headers, body }));
      });
      request.on("error", reject);
      request.end();
    });

  it("gives the request's code the socket's address, not a header's", async () => {
    const response = await send("GET", { "x-forwarded-for": "203.0.113.9" });
    expect(JSON.parse(response.body)).toEqual({ method: "GET", peer: "127.0.0.1" });
  });

  it("answers TRACE with 405 before the server's own handler", async () => {
    const response = await send("TRACE");
    expect(response.status).toBe(405);
    expect(response.headers.allow).toBe("GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS");
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
  });

  it("knows no peer outside a request", () => {
    expect(requestPeerAddress()).toBeUndefined();
  });
});
