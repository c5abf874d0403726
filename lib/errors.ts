/**
 * One error class for everything a person may see. Anything else that escapes a
 * request is logged and answered with a generic 500 (see toHttpError).
 */
export const ERROR_STATUS = {
  INVALID_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  UNAVAILABLE: 503,
  CLUSTER_ERROR: 502,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export type FieldErrors = Record<string, string[]>;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fieldErrors?: FieldErrors;

  constructor(code: ErrorCode, message: string, options?: { fieldErrors?: FieldErrors; cause?: unknown }) {
    super(message, { cause: options?.cause });
    this.name = "AppError";
    this.code = code;
    this.fieldErrors = options?.fieldErrors;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export type HttpErrorBody = { error: { code: ErrorCode; message: string; fields?: FieldErrors } };

export function toHttpError(
  error: unknown,
  log: (message: string, error: unknown) => void = console.error,
): {
  status: number;
  body: HttpErrorBody;
} {
  if (error instanceof AppError) {
    return {
      status: error.status,
      body: { error: { code: error.code, message: error.message, fields: error.fieldErrors } },
    };
  }
  log("unexpected error", error);
  return { status: 500, body: { error: { code: "INTERNAL", message: "Something went wrong on our side. It has been logged." } } };
}
