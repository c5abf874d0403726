/**
 * The typed /api/v1 client: openapi-fetch over the types generated from Slipway's
 * OpenAPI document (./generated/api.ts). A failed call throws CliError with the
 * server's own message (which role is needed and whom to ask).
 */
import createClient from "openapi-fetch";
import type { paths } from "./generated/api";

export type Api = ReturnType<typeof createApi>;

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

export function createApi(options: { server: string; token?: string; fetch: typeof fetch }) {
  return createClient<paths>({
    baseUrl: `${options.server}/api/v1`,
    headers: options.token ? { authorization: `Bearer ${options.token}` } : {},
    fetch: options.fetch,
  });
}

type Answer<T> = { data?: T; error?: unknown; response: Response };

/** The data of a successful answer, or CliError with the server's message. */
export async function ok<T>(call: Promise<Answer<T>>): Promise<NonNullable<T>> {
  const { data, error, response } = await call.catch((cause: unknown) => {
    throw new CliError(
      `Cannot reach Slipway: ${cause instanceof Error ? (cause.cause as Error | undefined)?.message || cause.message : cause}`,
    );
  });
  if (response.ok && data !== undefined) return data as NonNullable<T>;
  throw errorOf(error, response);
}

export function errorOf(body: unknown, response: Response): CliError {
  const error = (body as { error?: { message?: string; fields?: Record<string, string[]> } } | undefined)?.error;
  if (!error?.message) return new CliError(`Slipway answered ${response.status} ${response.statusText}`.trim());
  const fields = Object.entries(error.fields ?? {}).map(([field, messages]) => `\n  ${field}: ${messages.join("; ")}`);
  return new CliError(`${error.message}${fields.join("")}`);
}
