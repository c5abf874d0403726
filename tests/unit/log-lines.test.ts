import { describe, expect, it } from "vitest";
import { LogLineSplitter, MAX_LINE_CHARS, parseLogLine } from "@/lib/apps/log-lines";
import { demoLogLine } from "@/tools/cluster/pod-logs";

const bytes = (text: string) => new TextEncoder().encode(text);

describe("[logs] log lines", () => {
  it("splits the time from the text", () => {
    expect(parseLogLine("2026-11-26T01:53:43.610000000Z GET / 200")).toEqual({ time: "2026-11-26T01:53:43.610000000Z", text: "GET / 200" });
    expect(parseLogLine("no time here")).toEqual({ time: null, text: "no time here" });
    expect(parseLogLine("2026-11-26T01:53:43Z with crlf\r").text).toBe("with crlf");
  });

  it("joins lines split across chunks and keeps a partial line for the next chunk", () => {
    const splitter = new LogLineSplitter();
    expect(splitter.push(bytes("2026-11-26T00:00:00Z first\n2026-11-26T00:00:01Z sec"))).toEqual([
      { time: "2026-11-26T00:00:00Z", text: "first" },
    ]);
    expect(splitter.push(bytes("ond\n"))).toEqual([{ time: "2026-11-26T00:00:01Z", text: "second" }]);
    expect(splitter.push(bytes("tail without newline"))).toEqual([]);
    expect(splitter.flush()).toEqual([{ time: null, text: "tail without newline" }]);
  });

  it("decodes a character split across chunks", () => {
    const splitter = new LogLineSplitter();
    const euro = bytes("€\n");
    expect(splitter.push(euro.slice(0, 2))).toEqual([]);
    expect(splitter.push(euro.slice(2))).toEqual([{ time: null, text: "€" }]);
  });

  it("cuts a line longer than the maximum, and never waits on an endless one", () => {
    const long = "x".repeat(MAX_LINE_CHARS + 500);
    const [line] = new LogLineSplitter().push(bytes(`${long}\n`));
    expect(line!.text.length).toBeLessThan(MAX_LINE_CHARS + 60);
    expect(line!.text).toContain("[500 more characters cut]");
    const endless = new LogLineSplitter();
    expect(endless.push(bytes("y".repeat(MAX_LINE_CHARS * 2)))).toHaveLength(1);
  });

  it("the demo's made-up lines vary and are reproducible", () => {
    expect(demoLogLine(5)).toBe(demoLogLine(5));
    expect(new Set(Array.from({ length: 30 }, (_, n) => demoLogLine(n + 1).split(" ")[0])).size).toBeGreaterThan(1);
  });
});
