/**
 * The embedded PGlite's turns (lib/db-priority.ts): a request's statement goes before the
 * engine's background work that was waiting, and background work that has waited long
 * enough goes anyway. Last, the same through a real in-memory PGlite behind Prisma.
 */
import { PGlite } from "@electric-sql/pglite";
import { afterAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db";
import { inBackground, PriorityTurns, type Priority } from "@/lib/db-priority";

const request = (since: number): Priority => ({ background: false, since });
const engine: Priority = { background: true, since: 0 };

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe("[db] turns on the embedded database", () => {
  it("gives the next turn to the request that arrived first, then to the background, one turn at a time", async () => {
    const turns = new PriorityTurns({ agingMs: 60_000 });
    const order: string[] = [];
    const hold = deferred();
    let inside = 0;
    const job = (name: string) => async () => {
      inside += 1;
      expect(inside).toBe(1);
      order.push(name);
      if (name === "first") await hold.promise;
      inside -= 1;
    };
    const all = [
      turns.run(request(1), job("first")),
      turns.run(engine, job("background 1")),
      turns.run(engine, job("background 2")),
      turns.run(request(30), job("request that arrived third")),
      turns.run(request(20), job("request that arrived second")),
      turns.run(request(30), job("another request that arrived third")),
    ];
    await Promise.resolve();
    hold.resolve();
    await Promise.all(all);
    expect(order).toEqual([
      "first",
      "request that arrived second",
      "request that arrived third",
      "another request that arrived third",
      "background 1",
      "background 2",
    ]);
  });

  it("lets background work that has waited its time go before waiting requests", async () => {
    const turns = new PriorityTurns({ agingMs: 0 });
    const order: string[] = [];
    const hold = deferred();
    const all = [
      turns.run(request(1), async () => {
        order.push("first");
        await hold.promise;
      }),
      turns.run(engine, async () => void order.push("background")),
      turns.run(request(2), async () => void order.push("request")),
    ];
    hold.resolve();
    await Promise.all(all);
    expect(order).toEqual(["first", "background", "request"]);
  });

  describe("through Prisma on PGlite", () => {
    const pglite = new PGlite();
    const prisma = createPrismaClient({ pglite });
    afterAll(() => pglite.close());

    it("a request's query overtakes the engine's that waited behind an open transaction", async () => {
      const order: string[] = [];
      const hold = deferred();
      const opened = deferred();
      const transaction = prisma.$transaction(async (tx) => {
        await tx.$queryRaw`SELECT 1`;
        opened.resolve();
        await hold.promise;
      });
      await opened.promise;
      const background = inBackground(() => prisma.$queryRaw`SELECT 'engine'`.then(() => order.push("engine")));
      const request = prisma.$queryRaw`SELECT 'request'`.then(() => order.push("request"));
      // both are queued behind the transaction after a few turns of the event loop (Prisma hands them to the adapter)
      for (let i = 0; i < 10; i++) await new Promise((resolve) => setImmediate(resolve));
      hold.resolve();
      await Promise.all([transaction, background, request]);
      expect(order).toEqual(["request", "engine"]);
    });
  });
});
