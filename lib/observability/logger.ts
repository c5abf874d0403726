/**
 * The one logger: JSON lines on stdout (pino), at LOG_LEVEL. Code that runs for a
 * request runs inside `withRequestScope`, and every line logged there carries the
 * request id, so one request's lines can be found together.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import pino, { type Logger } from "pino";

type Scope = { requestId: string };

// One instance per process even when Next.js loads this module in several bundles.
const holder = globalThis as unknown as { slipwayLogger?: Logger; slipwayLogScope?: AsyncLocalStorage<Scope> };
const scope = (holder.slipwayLogScope ??= new AsyncLocalStorage<Scope>());

function level(): string {
  // Read directly, not through lib/env: a bad environment must still be loggable.
  const wanted = process.env.LOG_LEVEL;
  return wanted && ["debug", "info", "warn", "error", "silent"].includes(wanted) ? wanted : "info";
}

export const logger: Logger = (holder.slipwayLogger ??= pino({
  level: level(),
  base: { service: "slipway" },
  timestamp: pino.stdTimeFunctions.isoTime,
  mixin: () => {
    const current = scope.getStore();
    return current ? { requestId: current.requestId } : {};
  },
  // Credentials never reach a log line, whatever an error object carries.
  redact: { paths: ["*.authorization", "*.cookie", "*.token", "*.password", "*.secret"], censor: "[redacted]" },
}));

export function withRequestScope<T>(requestId: string, fn: () => T): T {
  return scope.run({ requestId }, fn);
}

export function currentRequestId(): string | undefined {
  return scope.getStore()?.requestId;
}

/** For code that takes a `log(message, error)` callback: one JSON line with the error's stack. */
export function logError(message: string, error?: unknown): void {
  logger.error(error === undefined ? {} : { err: error }, message);
}

/** For `log(message, error?)` callbacks that also report normal events: info without an error, error with one. */
export function logEvent(message: string, error?: unknown): void {
  if (error === undefined) logger.info(message);
  else logger.error({ err: error }, message);
}
