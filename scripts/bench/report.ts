/** Prints the figures, each target next to what it judges, and keeps them as JSON. */
import type { ConcurrencyResult } from "./concurrency";
import { ms } from "./http";
import type { ReadResult } from "./reads";

export const TARGETS = {
  p95To202AtC50Ms: 300,
  overheadP50Ratio: 2,
  pageP95Ms: 150,
  memoryUnderLoadMb: 400,
  pgliteP95Ms: 1000,
};

export const verdict = (pass: boolean) => (pass ? "PASS" : "MISS");

export function printConcurrency(results: ConcurrencyResult[], out: (line: string) => void) {
  out(
    `  ${"concurrency".padEnd(12)}${"sent".padStart(6)}${"202".padStart(6)}${"errors".padStart(8)}${"accepted/s".padStart(12)}${"p50".padStart(9)}${"p95".padStart(9)}${"p99".padStart(9)}${"all terminal".padStart(14)}  failed (not superseded)`,
  );
  for (const r of results) {
    out(
      `  ${String(r.concurrency).padEnd(12)}${String(r.sent).padStart(6)}${String(r.accepted).padStart(6)}${String(r.errors).padStart(8)}${r.acceptedPerSecond.toFixed(1).padStart(12)}${ms(r.p50).padStart(9)}${ms(r.p95).padStart(9)}${ms(r.p99).padStart(9)}${(Number.isNaN(r.allTerminalMs) ? "never" : ms(r.allTerminalMs)).padStart(14)}  ${r.failed} (${r.failedOtherThanSuperseded})`,
    );
    for (const sample of r.errorSamples) out(`      error: ${sample}`);
    for (const sample of r.failureSamples) out(`      failed: ${sample}`);
  }
}

export function printReads(results: ReadResult[], out: (line: string) => void, judge: boolean) {
  for (const r of results) {
    const isControl = r.label.startsWith("control");
    const mark = judge && !isControl ? `  ${verdict(r.p95 < TARGETS.pageP95Ms && r.errors === 0)}` : "";
    out(
      `  ${r.label.padEnd(28)} ${r.html ? "HTML" : "JSON"} ${ms(r.p50).padStart(8)} ${ms(r.p95).padStart(8)} ${`${r.kb.toFixed(0)} KB`.padStart(8)}${r.errors ? `  ${r.errors} errors` : ""}${mark}`,
    );
  }
}
