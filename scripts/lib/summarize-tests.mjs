// Prints the pass/fail counts of every runner as the last line of `npm test`, from the
// JSON reports Vitest, Playwright and the Schemathesis step wrote. A missing report counts as a failure.
import { readFileSync } from "node:fs";
import path from "node:path";

const dir = process.argv[2];
const read = (name) => {
  try {
    return JSON.parse(readFileSync(path.join(dir, name), "utf8"));
  } catch {
    return undefined;
  }
};

const vitest = read("vitest.json");
const playwright = read("playwright.json");
const schemathesis = read("schemathesis.json");
const runs = [
  vitest
    ? {
        name: "vitest",
        passed: vitest.numPassedTests,
        failed: vitest.numFailedTests,
        skipped: vitest.numPendingTests + vitest.numTodoTests,
      }
    : { name: "vitest", passed: 0, failed: 1, skipped: 0, missing: true },
  playwright
    ? {
        name: "playwright",
        passed: playwright.stats.expected + playwright.stats.flaky,
        failed: playwright.stats.unexpected,
        skipped: playwright.stats.skipped,
      }
    : { name: "playwright", passed: 0, failed: 1, skipped: 0, missing: true },
  // scripts/fuzz-api.sh: generated API calls that passed every check, and those that did not.
  schemathesis
    ? { name: "schemathesis", passed: schemathesis.passed, failed: schemathesis.failed, skipped: 0 }
    : { name: "schemathesis", passed: 0, failed: 1, skipped: 0, missing: true },
];
for (const run of runs) {
  console.log(
    run.missing
      ? `${run.name}: no report (did not run to the end)`
      : `${run.name}: ${run.passed} passed, ${run.failed} failed, ${run.skipped} skipped`,
  );
}
const total = (key) => runs.reduce((sum, run) => sum + run[key], 0);
console.log(`Tests: ${total("passed")} passed, ${total("failed")} failed, ${total("skipped")} skipped`);
process.exit(total("failed") > 0 ? 1 : 0);
