import { describe, expect, it } from "vitest";
import { newLines } from "@/cli/commands/apps";
import { sinceToInstant } from "@/cli/commands/team";
import { completionScript } from "@/cli/completion";
import { COMMANDS } from "@/cli/main";

describe("[cli] helpers", () => {
  it("logs -f prints only what a sliding tail added", () => {
    expect(newLines(["a", "b", "c"], ["b", "c", "d", "e"])).toEqual(["d", "e"]);
    expect(newLines([], ["a"])).toEqual(["a"]);
    expect(newLines(["x"], ["a", "b"])).toEqual(["a", "b"]);
    expect(newLines(["a", "b"], ["a", "b"])).toEqual([]);
  });

  it("--since takes 30m, 2h, 7d or a date", () => {
    const now = Date.parse("2026-01-10T12:00:00Z");
    expect(sinceToInstant("2h", now)).toBe("2026-01-10T10:00:00.000Z");
    expect(sinceToInstant("7d", now)).toBe("2026-01-03T12:00:00.000Z");
    expect(sinceToInstant("2026-01-01", now)).toBe("2026-01-01");
  });

  it("completes every command in bash and zsh", () => {
    for (const shell of ["bash", "zsh"]) {
      const script = completionScript(shell, COMMANDS);
      for (const name of Object.keys(COMMANDS)) expect(script, `${shell}: ${name}`).toContain(name.split(" ").at(-1));
    }
    expect(() => completionScript("fish", COMMANDS)).toThrow(/bash\|zsh/);
  });
});
