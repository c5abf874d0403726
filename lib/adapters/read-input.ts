/** What an API request carries as input: path parameters, then the query, a JSON body or raw text, and mapped headers. */
import type { AnyUseCase, HttpMethod, RouteSpec } from "@/lib/usecase/define";
import { AppError } from "@/lib/errors";

// Nothing the API accepts comes near this (an app spec file is at most 64 KiB).
const MAX_BODY_BYTES = 1024 * 1024;

type RouteContext = { params?: Promise<Record<string, string | string[]>> };

export async function pathParams(context: RouteContext | undefined): Promise<Record<string, string>> {
  // Next passes no params at all to routes without dynamic segments.
  const raw = (await context?.params) ?? {};
  return Object.fromEntries(Object.entries(raw).map(([key, value]) => [key, Array.isArray(value) ? value.join("/") : value]));
}

/** The body as text, refused once it is larger than MAX_BODY_BYTES (not read to the end). */
async function readBody(request: Request): Promise<string> {
  const tooLarge = () =>
    new AppError("INVALID_INPUT", "The request body is too large.", { fieldErrors: { body: ["must be at most 1 MiB"] } });
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) throw tooLarge();
  if (!request.body) return "";
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of request.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > MAX_BODY_BYTES) throw tooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function bodyKind(route: Pick<RouteSpec<HttpMethod, unknown>, "method" | "body">) {
  return route.body ?? (route.method === "GET" || route.method === "DELETE" ? "query" : "json");
}

/** The input object for the use-case's schema (path parameters are added by the caller). */
export async function readInput(request: Request, route: NonNullable<AnyUseCase["route"]>): Promise<Record<string, unknown>> {
  const fromHeaders = Object.fromEntries(
    Object.entries(route.headers ?? {}).flatMap(([field, header]) => {
      const value = request.headers.get(header);
      return value === null ? [] : [[field, value]];
    }),
  );
  const kind = bodyKind(route);
  if (kind === "query") return { ...Object.fromEntries(new URL(request.url).searchParams), ...fromHeaders };
  const text = await readBody(request);
  if (kind === "text") return { text, ...fromHeaders };
  if (text.trim() === "") return fromHeaders;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw new AppError("INVALID_INPUT", "The request body must be a JSON object.", { fieldErrors: { body: ["must be a JSON object"] } });
  }
  return { ...body, ...fromHeaders };
}
