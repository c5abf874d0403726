/**
 * The admission queue (lib/http/admission.ts) alone, then through the server hook on a
 * real http.Server with one place: requests are handled in arrival order, an event
 * stream gives its place up when its headers go out, a client that leaves while waiting
 * is never handled, and health checks never wait.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AdmissionQueue } from "@/lib/http/admission";
import { env } from "@/lib/env";
import { admission, installServerHook } from "@/lib/http/server-hook";

async function until(condition: () => boolean, what: string) {
  const deadline = Date.now() + 5_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe("[http] admission queue", () => {
  it("runs at most `limit` at a time, the rest in arrival order (each on a later turn); done twice frees one place", async () => {
    const queue = new AdmissionQueue(2);
    const started: string[] = [];
    const done: Record<string, () => void> = {};
    const admit = (name: string) => queue.admit((finish) => (started.push(name), (done[name] = finish)));
    admit("a");
    admit("b");
    admit("c");
    const withdrawD = admit("d");
    admit("e");
    expect(started).toEqual(["a", "b"]);
    expect(queue.waiting).toBe(3);
    withdrawD();
    done.a!();
    done.a!();
    expect(started).toEqual(["a", "b"]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toEqual(["a", "b", "c"]);
    expect(queue.inProgress).toBe(2);
    done.b!();
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toEqual(["a", "b", "c", "e"]);
    expect(queue.waiting).toBe(0);
  });
});

describe("[http] admission queue: a slow request", () => {
  it("stops counting against the limit after holdMs, so it cannot keep the next one out", async () => {
    const queue = new AdmissionQueue(1, 50);
    const started: string[] = [];
    queue.admit(() => started.push("slow")); // never finishes
    queue.admit(() => started.push("next"));
    expect(started).toEqual(["slow"]);
    await until(() => started.length === 2, "the next request to start");
    expect(started).toEqual(["slow", "next"]);
  });

  it("still counts it as open until it finishes (a deploy accepted during a burst leaves it to the queue)", async () => {
    const queue = new AdmissionQueue(1, 20);
    let finishSlow!: () => void;
    queue.admit((done) => (finishSlow = done));
    queue.admit(() => {}); // waiting
    expect([queue.inProgress, queue.open]).toEqual([1, 2]);
    await until(() => queue.inProgress === 1 && queue.waiting === 0, "the second to start after the hold");
    expect(queue.open).toBe(2); // the slow one past its hold, and the second
    finishSlow();
    finishSlow(); // twice: counted once
    expect(queue.open).toBe(1);
  });
});

describe("[http] admission queue: when idle", () => {
  it("whenIdle resolves once no request is in progress, or after its limit", async () => {
    const queue = new AdmissionQueue(1);
    await queue.whenIdle(10_000); // none in progress: at once
    let finish!: () => void;
    queue.admit((done) => (finish = done));
    let idle = false;
    const waiting = queue.whenIdle(10_000).then(() => (idle = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(idle).toBe(false);
    finish();
    await waiting;
    expect(idle).toBe(true);
    queue.admit(() => {});
    const began = performance.now();
    await queue.whenIdle(50);
    expect(performance.now() - began).toBeGreaterThanOrEqual(45);
    expect(queue.inProgress).toBe(1);
  });
});

describe("[http] admission through the server hook", () => {
  let server: http.Server;
  let port: number;
  const handled: string[] = [];
  let releaseHeld: () => void = () => {};

  beforeAll(async () => {
    // Held until the response starts, whatever the time: these tests hold a request on purpose.
    Object.assign(env, { SLIPWAY_MAX_CONCURRENT_REQUESTS: 1, SLIPWAY_REQUEST_HOLD_MS: 0 });
    installServerHook();
    expect(admission().limit).toBe(1);
    server = http.createServer((request, response) => {
      const path = request.url ?? "";
      handled.push(path);
      if (path === "/hold") {
        releaseHeld = () => response.end("held");
      } else if (path === "/stream") {
        response.writeHead(200, { "content-type": "text/event-stream" });
        response.write("data: hello\n\n");
      } else {
        response.end(path);
      }
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(() => {
    server.closeAllConnections();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const get = (path: string) => {
    const request = http.get({ port, host: "127.0.0.1", path, agent: false });
    const reply = new Promise<string>((resolve, reject) => {
      request.on("response", (response) => {
        let body = "";
        response.on("data", (chunk) => (body += chunk));
        response.on("end", () => resolve(body));
      });
      request.on("error", reject);
    });
    return { request, reply };
  };

  it("handles waiting requests in the order they came, and health checks at once", async () => {
    const held = get("/hold");
    await until(() => handled.includes("/hold"), "the first request");
    const first = get("/first");
    await until(() => admission().waiting === 1, "the second request to wait");
    const second = get("/second");
    await until(() => admission().waiting === 2, "the third request to wait");
    expect(await get("/api/healthz").reply).toBe("/api/healthz");
    expect(handled).toEqual(["/hold", "/api/healthz"]);
    releaseHeld();
    expect(await Promise.all([held.reply, first.reply, second.reply])).toEqual(["held", "/first", "/second"]);
    expect(handled).toEqual(["/hold", "/api/healthz", "/first", "/second"]);
  });

  it("never handles a request whose client left while it waited", async () => {
    handled.length = 0;
    const held = get("/hold");
    await until(() => handled.includes("/hold"), "the first request");
    const leaving = get("/leaving");
    leaving.reply.catch(() => {});
    await until(() => admission().waiting === 1, "the request to wait");
    leaving.request.destroy();
    await until(() => admission().waiting === 0, "the request to be withdrawn");
    releaseHeld();
    await held.reply;
    expect(await get("/after").reply).toBe("/after");
    expect(handled).toEqual(["/hold", "/after"]);
  });

  it("lets an event stream give its place up once its headers are out", async () => {
    handled.length = 0;
    const stream = http.get({ port, host: "127.0.0.1", path: "/stream", agent: false });
    await new Promise((resolve) => stream.on("response", resolve));
    expect(await get("/while-streaming").reply).toBe("/while-streaming");
    stream.destroy();
  });
});
