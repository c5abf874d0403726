/**
 * A use-case declares once what it needs and what it answers: its permission(s), its
 * zod input and output, and its /api/v1 route. The adapters in lib/adapters derive the
 * HTTP route, the server action and the page call from this; OpenAPI and the
 * authorization-matrix test read the same descriptors (lib/adapters/operations.ts).
 *
 * `output` is the answer's wire format (dates as ISO strings, see lib/validation/wire.ts)
 * and the allowlist of what leaves the server: fields it does not name are dropped.
 */
import { z } from "zod";
import type { TeamPermission } from "@/lib/authz/permissions";
import type { PlatformAdminContext, PublicContext, TeamContext, UserContext } from "@/lib/authz/team-context";

export const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** An answer that is not JSON: a file (YAML, CSV) or a stream (server-sent events). */
export type FileBody = { body: string | ReadableStream<Uint8Array>; contentType: string; filename?: string };
export const fileBody = z.custom<FileBody>((value) => typeof value === "object" && value !== null && "contentType" in value);

export type RouteSpec<M extends HttpMethod, O> = {
  method: M;
  /** The path under /api/v1, in OpenAPI's form: /teams/{team}/apps/{app}/scale. */
  path: `/${string}`;
  /** The success status (200 unless said). */
  status?: number;
  /** When the status depends on the outcome (202 for a new release, 200 for the one made before). */
  statusOf?: { statuses: readonly number[]; pick: (output: O) => number };
  /** Where the input comes from besides the path: the query (GET, DELETE), a JSON body (others), or the raw body as `text`. */
  body?: "query" | "json" | "text";
  /** Input fields read from request headers, e.g. { idempotencyKey: "idempotency-key" }. */
  headers?: Record<string, string>;
  /** For answers that are not JSON: the content types it answers with (output is `fileBody`). */
  produces?: readonly string[];
  /** The file is for a browser to save (Content-Disposition: attachment). */
  download?: boolean;
};

type Common<I extends z.ZodType, O extends z.ZodType, M extends HttpMethod> = {
  /** The OpenAPI operationId, and the name in logs and metrics. */
  name: string;
  summary: string;
  input: I;
  output: O;
  route?: RouteSpec<M, z.output<O>>;
};

export type TeamUseCase<P extends TeamPermission, I extends z.ZodType, O extends z.ZodType, M extends HttpMethod = HttpMethod> = Common<
  I,
  O,
  M
> & {
  scope: "team";
  /** Every permission the use-case needs in the team named by the `team` path parameter. */
  permissions: readonly [P, ...P[]];
  run(args: { ctx: TeamContext<P>; input: z.output<I> }): Promise<z.output<O>>;
};

export type UserUseCase<I extends z.ZodType, O extends z.ZodType, M extends HttpMethod = HttpMethod> = Common<I, O, M> & {
  scope: "user";
  run(args: { ctx: UserContext; input: z.output<I> }): Promise<z.output<O>>;
};

export type AdminUseCase<I extends z.ZodType, O extends z.ZodType, M extends HttpMethod = HttpMethod> = Common<I, O, M> & {
  scope: "admin";
  run(args: { ctx: PlatformAdminContext; input: z.output<I> }): Promise<z.output<O>>;
};

/**
 * Answers without any credential: only what must come before one exists (a `slipway
 * login` starting, and collecting its token with the secret it was started with).
 */
export type PublicUseCase<I extends z.ZodType, O extends z.ZodType, M extends HttpMethod = HttpMethod> = Common<I, O, M> & {
  scope: "public";
  run(args: { ctx: PublicContext; input: z.output<I> }): Promise<z.output<O>>;
};

/* eslint-disable @typescript-eslint/no-explicit-any -- the registry holds use-cases of every shape */
export type AnyUseCase =
  TeamUseCase<any, any, any, any> | UserUseCase<any, any, any> | AdminUseCase<any, any, any> | PublicUseCase<any, any, any>;
/* eslint-enable @typescript-eslint/no-explicit-any */

export type Routed<U extends AnyUseCase> = U & { route: NonNullable<U["route"]> };

/** A descriptor made with a route says so in its type, so it can be handed to apiRoute. */
type WithRoute<M extends HttpMethod, O extends z.ZodType> = [M] extends [never] ? unknown : { route: RouteSpec<M, z.output<O>> };

export function teamUseCase<const P extends TeamPermission, I extends z.ZodType, O extends z.ZodType, const M extends HttpMethod = never>(
  descriptor: Omit<TeamUseCase<P, I, O, M>, "scope">,
): TeamUseCase<P, I, O, M> & WithRoute<M, O> {
  return { scope: "team", ...descriptor } as TeamUseCase<P, I, O, M> & WithRoute<M, O>;
}

export function userUseCase<I extends z.ZodType, O extends z.ZodType, const M extends HttpMethod = never>(
  descriptor: Omit<UserUseCase<I, O, M>, "scope">,
): UserUseCase<I, O, M> & WithRoute<M, O> {
  return { scope: "user", ...descriptor } as UserUseCase<I, O, M> & WithRoute<M, O>;
}

export function adminUseCase<I extends z.ZodType, O extends z.ZodType, const M extends HttpMethod = never>(
  descriptor: Omit<AdminUseCase<I, O, M>, "scope">,
): AdminUseCase<I, O, M> & WithRoute<M, O> {
  return { scope: "admin", ...descriptor } as AdminUseCase<I, O, M> & WithRoute<M, O>;
}

export function publicUseCase<I extends z.ZodType, O extends z.ZodType, const M extends HttpMethod = never>(
  descriptor: Omit<PublicUseCase<I, O, M>, "scope">,
): PublicUseCase<I, O, M> & WithRoute<M, O> {
  return { scope: "public", ...descriptor } as PublicUseCase<I, O, M> & WithRoute<M, O>;
}
