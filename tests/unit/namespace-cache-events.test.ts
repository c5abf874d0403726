/** The namespace cache keeps events bounded: the last hour only, and at most MAX_EVENTS of the newest. */
import { describe, expect, test } from "vitest";
import { boundEvents, EVENT_WINDOW_MS, eventTime, MAX_EVENTS, type RawObject } from "@/lib/k8s/namespace-cache";

const now = Date.parse("2026-11-26T12:00:00Z");
const event = (name: string, agoMs: number, field: "lastTimestamp" | "eventTime" | "creation" = "lastTimestamp"): RawObject => {
  const at = new Date(now - agoMs).toISOString();
  return field === "creation" ? { metadata: { name, creationTimestamp: at } } : { metadata: { name }, [field]: at };
};

describe("namespace cache events", () => {
  test("an event's time is its last sighting, whichever field carries it", () => {
    expect(eventTime(event("a", 1000))).toBe(now - 1000);
    expect(eventTime(event("b", 2000, "eventTime"))).toBe(now - 2000);
    expect(eventTime(event("c", 3000, "creation"))).toBe(now - 3000);
    expect(eventTime({ metadata: { name: "d" }, series: { lastObservedTime: new Date(now).toISOString() } })).toBe(now);
    expect(eventTime({ metadata: { name: "e" } })).toBe(0);
  });

  test("events older than the window go", () => {
    const store = new Map([
      ["fresh", event("fresh", 60_000)],
      ["old", event("old", EVENT_WINDOW_MS + 1000)],
      ["undated", { metadata: { name: "undated" } }],
    ]);
    boundEvents(store, now);
    expect([...store.keys()]).toEqual(["fresh"]);
  });

  test("beyond the cap, the oldest go first", () => {
    const store = new Map<string, RawObject>();
    for (let i = 0; i < MAX_EVENTS + 50; i++) store.set(`e${i}`, event(`e${i}`, i * 1000));
    boundEvents(store, now);
    expect(store.size).toBe(MAX_EVENTS);
    expect(store.has("e0")).toBe(true);
    expect(store.has(`e${MAX_EVENTS - 1}`)).toBe(true);
    expect(store.has(`e${MAX_EVENTS}`)).toBe(false);
    boundEvents(store, now, 10);
    expect([...store.keys()].sort()).toEqual(["e0", "e1", "e2", "e3", "e4", "e5", "e6", "e7", "e8", "e9"]);
  });
});
