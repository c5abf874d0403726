/**
 * The /api/v1 contract, generated from the use-case descriptors (./operations.ts):
 * parameters and request bodies from their zod input, responses from their zod output
 * (the wire side: dates as strings), errors from lib/errors.ts's code map, and who may
 * call each from the permission table. It cannot drift from what the server does.
 */
import { z } from "zod";
import { leastRoleFor, ROLE_LABELS } from "@/lib/authz/permissions";
import { ERROR_STATUS, type ErrorCode } from "@/lib/errors";
import type { AnyUseCase, Routed } from "@/lib/usecase/define";
import { OPERATIONS } from "./operations";

type JsonSchema = {
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  description?: string;
  [key: string]: unknown;
};

const jsonSchema = (schema: z.ZodType, io: "input" | "output"): JsonSchema => {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any", target: "draft-2020-12" }) as JsonSchema;
  return rest;
};

const ERROR_DESCRIPTIONS: Record<ErrorCode, string> = {
  INVALID_INPUT: "Invalid input; `fields` names each field and the rule it broke",
  UNAUTHENTICATED: "No credential, or an unknown, expired or revoked token, or an ended session",
  FORBIDDEN:
    "Your role does not allow this (the message names the role needed and the team's leads), or a cookie request from another site",
  NOT_FOUND: "No such team, app, release, member or token",
  METHOD_NOT_ALLOWED: "This path does not answer that method; `Allow` lists those it does",
  CONFLICT: "Conflicts with the current state (a taken name, the last lead, a reused idempotency key)",
  RATE_LIMITED: "Too many failed attempts from this client; retry after `Retry-After` seconds",
  UNAVAILABLE: "No cluster is configured or reachable, or the database is unavailable; retry later",
  CLUSTER_ERROR: "The cluster refused or failed the call; the message says why",
  INTERNAL: "Something failed on Slipway's side; `requestId` is the reference to its log",
};

/** One server-sent event, as clients (and Schemathesis) read a text/event-stream: its fields. */
const SSE_EVENT = {
  type: "object",
  description: "One server-sent event; `data` is a JSON document",
  properties: { event: { type: "string" }, data: { type: "string" }, id: { type: "string" }, retry: { type: "integer" } },
};

function who(useCase: AnyUseCase): string {
  if (useCase.scope === "admin") return "Platform admins.";
  if (useCase.scope === "user") return "Anyone signed in, for themselves.";
  if (useCase.scope === "public") return "Anyone, without a credential.";
  const roles = useCase.permissions.map((permission: Parameters<typeof leastRoleFor>[0]) => ROLE_LABELS[leastRoleFor(permission)]);
  const least = ["Lead", "Deployer", "Viewer"].find((role) => roles.includes(role))!;
  return `${least}${least === "Lead" ? "s" : "s or above"} of the team, and platform admins (${useCase.permissions.join(", ")}).`;
}

function operation(useCase: Routed<AnyUseCase>) {
  const { route } = useCase;
  const pathNames = [...route.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!);
  const input = jsonSchema(useCase.input, "input");
  const properties = input.properties ?? {};
  const required = new Set(input.required ?? []);
  const headerFields = route.headers ?? {};
  const bodyKind = route.body ?? (route.method === "GET" || route.method === "DELETE" ? "query" : "json");

  const parameters = [
    ...pathNames.map((name) => ({
      name,
      in: "path",
      required: true,
      schema: name === "team" ? { type: "string" } : (properties[name] ?? { type: "string" }),
      ...(name === "team" ? { description: "Team slug" } : {}),
    })),
    ...Object.entries(headerFields).map(([field, header]) => ({
      name: header,
      in: "header",
      required: false,
      schema: properties[field] ?? { type: "string" },
      description: "Makes a retried request safe: the same key answers with what the first request made",
    })),
  ];
  const rest = Object.entries(properties).filter(([name]) => !pathNames.includes(name) && !(name in headerFields));
  if (bodyKind === "query") {
    for (const [name, { description, ...schema }] of rest) {
      parameters.push({ name, in: "query", required: required.has(name), schema, ...(description ? { description } : {}) });
    }
  }
  const requestBody =
    bodyKind === "text"
      ? { required: true, content: { "application/yaml": { schema: { type: "string" } } } }
      : bodyKind === "json" && rest.length > 0
        ? {
            required: rest.some(([name]) => required.has(name)),
            content: {
              "application/json": {
                schema: {
                  ...input,
                  properties: Object.fromEntries(rest),
                  required: [...required].filter((name) => rest.some(([n]) => n === name)),
                },
              },
            },
          }
        : undefined;

  // A file in a structured format (a YAML kubeconfig or app spec, a JSON export) is a
  // document of that format, not a JSON string; clients that parse it must not expect one.
  // A text/event-stream is read as events, each an object of its fields (`data` a JSON document).
  const fileSchema = (type: string) =>
    type === "text/event-stream"
      ? SSE_EVENT
      : /yaml|json/.test(type)
        ? { type: ["object", "array"], description: `a ${type} document` }
        : { type: "string" };
  const content = route.produces
    ? Object.fromEntries(route.produces.map((type) => [type, { schema: fileSchema(type) }]))
    : { "application/json": { schema: jsonSchema(useCase.output, "input") } };
  const statuses = route.statusOf ? route.statusOf.statuses : [route.status ?? 200];
  const responses: Record<string, unknown> = Object.fromEntries(
    statuses.map((status) => [String(status), { description: useCase.summary, content }]),
  );
  for (const code of Object.keys(ERROR_STATUS) as ErrorCode[]) {
    responses[String(ERROR_STATUS[code])] = { $ref: `#/components/responses/${code}` };
  }

  return {
    operationId: useCase.name,
    summary: useCase.summary,
    description: `Who may call it: ${who(useCase)}`,
    ...(useCase.scope === "public" ? { security: [] } : {}),
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(requestBody ? { requestBody } : {}),
    responses,
  };
}

function buildDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const useCase of OPERATIONS) {
    (paths[useCase.route.path] ??= {})[useCase.route.method.toLowerCase()] = operation(useCase);
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Slipway API",
      version: "1",
      description:
        "Everything the Slipway UI does, with the same permissions. Authenticate with a personal access token (`Authorization: Bearer slw_...`, created under Settings → API tokens) or the browser's session cookie; a cookie request that changes something must carry this site's Origin.",
    },
    servers: [{ url: "/api/v1" }],
    security: [{ bearer: [] }, { session: [] }],
    paths,
    components: {
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", description: "A Slipway personal access token (slw_...)" },
        session: {
          type: "apiKey",
          in: "cookie",
          name: "next-auth.session-token",
          description: "The browser's session (signed in at /signin)",
        },
      },
      schemas: {
        Error: {
          type: "object",
          required: ["error"],
          properties: {
            error: {
              type: "object",
              required: ["code", "message"],
              properties: {
                code: { type: "string", enum: Object.keys(ERROR_STATUS) },
                message: { type: "string" },
                fields: {
                  type: "object",
                  additionalProperties: { type: "array", items: { type: "string" } },
                  description: "Per-field messages for INVALID_INPUT",
                },
                requestId: { type: "string", description: "The request's id, in Slipway's logs" },
              },
            },
          },
        },
      },
      responses: Object.fromEntries(
        (Object.keys(ERROR_STATUS) as ErrorCode[]).map((code) => [
          code,
          { description: ERROR_DESCRIPTIONS[code], content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
        ]),
      ),
    },
  };
}

let cached: ReturnType<typeof buildDocument> | undefined;

export function openApiDocument() {
  cached ??= buildDocument();
  return cached;
}
