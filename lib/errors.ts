import { isDatabaseUnavailable } from "./db-errors";
import { logError } from "@/lib/observability/logger";

/**
 * One error class for everything a person may see. Anything else that escapes a
 * request is logged and answered with a generic 500 (see toHttpError).
 */
export const ERROR_STATUS = {
  INVALID_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
  CLUSTER_ERROR: 502,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export type FieldErrors = Record<string, string[]>;

// A brand instead of `instanceof`: Next.js can load this module more than once (the
// instrumentation bundle and each route's), and each copy has its own class.
const BRAND = Symbol.for("slipway.AppError");

export class AppError extends Error {
  readonly [BRAND] = true;
  readonly code: ErrorCode;
  readonly fieldErrors?: FieldErrors;

  /** For RATE_LIMITED and UNAVAILABLE: when to try again (the Retry-After header). */
  readonly retryAfterSeconds?: number;

  constructor(code: ErrorCode, message: string, options?: { fieldErrors?: FieldErrors; cause?: unknown; retryAfterSeconds?: number }) {
    super(message, { cause: options?.cause });
    this.name = "AppError";
    this.code = code;
    this.fieldErrors = options?.fieldErrors;
    this.retryAfterSeconds = options?.retryAfterSeconds;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export function isAppError(error: unknown): error is AppError {
  return typeof error === "object" && error !== null && (error as { [BRAND]?: unknown })[BRAND] === true;
}

export type HttpErrorBody = { error: { code: ErrorCode; message: string; fields?: FieldErrors; requestId?: string } };

export function toHttpError(
  error: unknown,
  log: (message: string, error: unknown) => void = logError,
): {
  status: number;
  body: HttpErrorBody;
  headers?: Record<string, string>;
} {
  if (isAppError(error)) {
    return {
      status: error.status,
      body: { error: { code: error.code, message: error.message, fields: error.fieldErrors } },
      ...(error.retryAfterSeconds !== undefined ? { headers: { "retry-after": String(error.retryAfterSeconds) } } : {}),
    };
  }
  if (isDatabaseUnavailable(error)) {
    log("database unavailable", error);
    return {
      status: ERROR_STATUS.UNAVAILABLE,
      body: { error: { code: "UNAVAILABLE", message: "The database is unavailable; try again shortly." } },
      headers: { "retry-after": "5" },
    };
  }
  log("unexpected error", error);
  return { status: 500, body: { error: { code: "INTERNAL", message: "Something went wrong on our side. It has been logged." } } };
}
