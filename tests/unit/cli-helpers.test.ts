import { describe, expect, it } from "vitest";
import { formatLogLine, parseLogLine } from "@/cli/commands/logs";
import { sinceToInstant } from "@/cli/commands/team";
import { completionScript } from "@/cli/completion";
import { COMMANDS } from "@/cli/main";

describe("[cli] helpers", () => {
  it("logs split a downloaded line into its time and text, and print the pod and time only when asked", () => {
    const line = parseLogLine("2026-01-10T12:00:00.123456789Z level=info msg=hi");
    expect(line).toEqual({ time: "2026-01-10T12:00:00.123456789Z", text: "level=info msg=hi" });
    expect(parseLogLine("no time here")).toEqual({ time: null, text: "no time here" });
    expect(formatLogLine(line, { timestamps: false })).toBe("level=info msg=hi\n");
    expect(formatLogLine(line, { pod: "web-1", timestamps: true })).toBe("[web-1] 2026-01-10T12:00:00.123456789Z level=info msg=hi\n");
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
