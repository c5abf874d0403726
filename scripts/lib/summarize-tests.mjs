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
// The failed tests by name, with the first lines of their message: CI shows only the end of
// the output, so the names have to be here, next to the counts.
const failures = [];
for (const file of vitest?.testResults ?? []) {
  for (const test of file.assertionResults ?? []) {
    if (test.status === "failed")
      failures.push({ name: `${path.relative(process.cwd(), file.name)} > ${test.fullName}`, messages: test.failureMessages });
  }
  if (file.status === "failed" && !(file.assertionResults ?? []).some((t) => t.status === "failed")) {
    failures.push({ name: path.relative(process.cwd(), file.name), messages: [file.message] });
  }
}
const walkSuites = (suites, titles) => {
  for (const suite of suites ?? []) {
    const inner = [...titles, suite.title].filter(Boolean);
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        if (test.status === "unexpected") {
          const errors = (test.results ?? []).flatMap((r) => (r.errors ?? []).map((e) => e.message ?? ""));
          failures.push({ name: [...inner, spec.title].join(" > "), messages: errors.slice(-1) });
        }
      }
    }
    walkSuites(suite.suites, inner);
  }
};
walkSuites(playwright?.suites, []);
const stripAnsi = (text) => String(text ?? "").replace(/\u001b\[[0-9;]*m/g, "");
for (const failure of failures) {
  console.log(`FAILED: ${failure.name}`);
  const lines = stripAnsi(failure.messages.filter(Boolean).join("\n"))
    .split("\n")
    .filter((l) => l.trim());
  for (const line of lines.slice(0, 6)) console.log(`    ${line.slice(0, 300)}`);
}
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
