/**
 * The /api/v1 contract. Request bodies come from the same zod schemas the use-cases
 * validate with, so the document cannot drift from what the server accepts.
 */
import { z } from "zod";
import { auditExportSchema, auditPageSchema } from "@/lib/audit/list-audit-events.types";
import { addMemberSchema } from "@/lib/members/members.types";
import { createTeamSchema } from "@/lib/teams/create-team.types";
import { createApiTokenSchema } from "@/lib/tokens/create-api-token.types";
import { role } from "@/lib/validation/fields";
import { appSpecSchema, replicaCount } from "@/lib/apps/app-spec.types";
import { deployAppSchema, rollbackSchema } from "@/lib/deploys/deploy-app.types";

const schemaOf = (schema: z.ZodType) => z.toJSONSchema(schema, { io: "input", unrepresentable: "any", target: "draft-2020-12" });
const body = (schema: z.ZodType) => ({ required: true, content: { "application/json": { schema: schemaOf(schema) } } });
const ok = (description: string) => ({ description, content: { "application/json": { schema: { type: "object" } } } });
const errors = (...codes: number[]) =>
  Object.fromEntries(codes.map((code) => [String(code), { $ref: `#/components/responses/Error${code}` }]));
const teamParam = { name: "team", in: "path", required: true, schema: { type: "string" }, description: "Team slug" };
const userParam = { name: "userId", in: "path", required: true, schema: { type: "string", format: "uuid" } };
const appNameParam = { name: "app", in: "path", required: true, schema: { type: "string" }, description: "App name" };
const yamlFile = (description: string) => ({ description, content: { "application/yaml": { schema: { type: "string" } } } });
const APP_SPEC_FILE =
  "An app spec file: `apiVersion: slipway.dev/v1`, `kind: App`, `metadata: { name, team }` (team optional; if given it must be this team) and `spec` with the fields of an app (imageRepository, containerPort, replicas, env, resources, healthCheckPath, host). At most 64 KiB.";

/** One query parameter per property of a zod object schema. */
const queryParams = (schema: z.ZodType) =>
  Object.entries((schemaOf(schema) as { properties: Record<string, { description?: string }> }).properties).map(
    ([name, { description, ...param }]) => ({
      name,
      in: "query",
      schema: param,
      ...(description ? { description } : {}),
    }),
  );

const errorResponse = (description: string) => ({
  description,
  content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
});

export const openApiDocument = {
  openapi: "3.1.0",
  info: {
    title: "Slipway API",
    version: "1",
    description:
      "Everything the Slipway UI does, with the same permissions. Authenticate with a personal access token: `Authorization: Bearer slw_...` (create one under Settings → API tokens, or `npm run admin -- create-token`).",
  },
  servers: [{ url: "/api/v1" }],
  security: [{ bearer: [] }],
  paths: {
    "/me": { get: { summary: "Who the token belongs to", responses: { 200: ok("The caller"), ...errors(401) } } },
    "/teams": {
      get: {
        summary: "Teams you belong to (all teams for platform admins)",
        parameters: [
          { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 200, default: 50 } },
          { name: "cursor", in: "query", schema: { type: "string" }, description: "nextCursor of the previous page" },
        ],
        responses: { 200: ok("{ teams, nextCursor }"), ...errors(400, 401) },
      },
      post: {
        summary: "Create a team and provision its namespace (platform admins)",
        requestBody: body(createTeamSchema),
        responses: { 201: ok("{ team, provisioning }"), ...errors(400, 401, 403, 409) },
      },
    },
    "/teams/{team}": {
      get: {
        summary: "A team, your role in it and its leads",
        parameters: [teamParam],
        responses: { 200: ok("The team"), ...errors(401, 403, 404) },
      },
    },
    "/teams/{team}/members": {
      get: { summary: "Members and their roles", parameters: [teamParam], responses: { 200: ok("{ members }"), ...errors(401, 403, 404) } },
      post: {
        summary: "Grant a role to someone by email (leads); pending until their first sign-in",
        parameters: [teamParam],
        requestBody: body(addMemberSchema),
        responses: { 201: ok("The membership"), ...errors(400, 401, 403, 404, 409) },
      },
    },
    "/teams/{team}/members/{userId}": {
      patch: {
        summary: "Change a member's role (leads); the last lead cannot be demoted",
        parameters: [teamParam, userParam],
        requestBody: body(z.object({ role })),
        responses: { 200: ok("The membership"), ...errors(400, 401, 403, 404, 409) },
      },
      delete: {
        summary: "Remove a member (leads); the last lead cannot be removed",
        parameters: [teamParam, userParam],
        responses: { 200: ok("{ removed: true }"), ...errors(400, 401, 403, 404, 409) },
      },
    },
    "/dashboard": {
      get: {
        summary: "Your teams, your apps with their status, recent deploys, and per team deploys per day and failure rate over 30 days",
        responses: { 200: ok("The dashboard"), ...errors(401) },
      },
    },
    "/teams/{team}/apps": {
      get: {
        summary: "The team's apps, each with its latest release",
        parameters: [teamParam],
        responses: { 200: ok("{ apps }"), ...errors(401, 403, 404) },
      },
      post: {
        summary: "Register an app (deployers and leads)",
        parameters: [teamParam],
        requestBody: body(appSpecSchema),
        responses: { 201: ok("The app"), ...errors(400, 401, 403, 404, 409) },
      },
    },
    "/teams/{team}/apps/{app}": {
      get: {
        summary: "An app and its spec",
        parameters: [teamParam, appNameParam],
        responses: { 200: ok("The app"), ...errors(401, 403, 404) },
      },
      put: {
        summary: "Replace an app's settings; they apply at the next deploy",
        parameters: [teamParam, appNameParam],
        requestBody: body(z.object({ spec: appSpecSchema })),
        responses: { 200: ok("The app"), ...errors(400, 401, 403, 404) },
      },
      delete: {
        summary: "Archive an app (leads); history is kept",
        parameters: [teamParam, appNameParam],
        responses: { 200: ok("The app"), ...errors(401, 403, 404) },
      },
    },
    "/teams/{team}/apps/{app}/deploys": {
      post: {
        summary:
          "Deploy an image tag or digest. The same Idempotency-Key returns the release it started before (200) instead of a new one (202)",
        parameters: [
          teamParam,
          appNameParam,
          { name: "Idempotency-Key", in: "header", schema: { type: "string", minLength: 8, maxLength: 200 } },
        ],
        requestBody: body(deployAppSchema.omit({ idempotencyKey: true })),
        responses: { 202: ok("{ release, created: true }"), 200: ok("{ release, created: false }"), ...errors(400, 401, 403, 404, 409) },
      },
    },
    "/teams/{team}/apps/{app}/rollbacks": {
      post: {
        summary: "Roll back: a new release with an earlier successful release's spec",
        parameters: [teamParam, appNameParam, { name: "Idempotency-Key", in: "header", schema: { type: "string" } }],
        requestBody: body(rollbackSchema.omit({ idempotencyKey: true })),
        responses: { 202: ok("{ release, created }"), ...errors(400, 401, 403, 404, 409) },
      },
    },
    "/teams/{team}/apps/{app}/releases": {
      get: {
        summary: "Release history, newest first",
        parameters: [
          teamParam,
          appNameParam,
          { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 100 } },
          { name: "before", in: "query", schema: { type: "integer" }, description: "nextBefore of the previous page" },
        ],
        responses: { 200: ok("{ releases, nextBefore }"), ...errors(400, 401, 403, 404) },
      },
    },
    "/teams/{team}/apps/{app}/releases/{sequence}": {
      get: {
        summary: "One release with the changes since the release before it",
        parameters: [teamParam, appNameParam, { name: "sequence", in: "path", required: true, schema: { type: "integer" } }],
        responses: { 200: ok("{ release, previousSequence, changes }"), ...errors(400, 401, 403, 404) },
      },
    },
    "/teams/{team}/apps/{app}/status": {
      get: {
        summary: "Pods, recent events and a log tail, read with the team's viewer token",
        parameters: [teamParam, appNameParam],
        responses: { 200: ok("{ view } or { error }"), ...errors(401, 403, 404) },
      },
    },
    "/teams/{team}/apps/{app}/restart": {
      post: {
        summary: "Replace every pod (deployers and leads)",
        parameters: [teamParam, appNameParam],
        responses: { 200: ok("{ app, restartedAt }"), ...errors(401, 403, 404, 502, 503) },
      },
    },
    "/teams/{team}/apps/{app}/scale": {
      post: {
        summary: "Set the replica count now and for later deploys",
        parameters: [teamParam, appNameParam],
        requestBody: body(z.object({ replicas: replicaCount })),
        responses: { 200: ok("{ app, replicas }"), ...errors(400, 401, 403, 404, 502, 503) },
      },
    },
    "/teams/{team}/provision": {
      post: {
        summary: "Provision the team's namespace again (platform admins; idempotent)",
        parameters: [teamParam],
        responses: { 200: ok("{ status: provisioned | skipped | failed, ... }"), ...errors(401, 403, 404) },
      },
    },
    "/teams/{team}/kubeconfig": {
      post: {
        summary: "A kubeconfig for the team namespace with a one-hour token matching your role (viewers read-only)",
        parameters: [teamParam],
        responses: { 200: ok("{ kubeconfig, role, expiresAt, filename }"), ...errors(401, 403, 404, 503) },
      },
    },
    "/teams/{team}/apps/spec": {
      put: {
        summary:
          "Apply an app spec file: registers the app if the team has none by its name, else replaces its settings (effective at the next deploy)",
        description: `${APP_SPEC_FILE} Field errors are keyed by the spec field (\`replicas\`, \`env.0.name\`; metadata.name is \`name\`) and name the line; a YAML syntax error is reported under \`yaml\` with its line.`,
        parameters: [teamParam],
        requestBody: { required: true, content: { "application/yaml": { schema: { type: "string" } } } },
        responses: {
          200: ok("{ app, created: false }: updated"),
          201: ok("{ app, created: true }: registered"),
          ...errors(400, 401, 403, 404, 409),
        },
      },
    },
    "/teams/{team}/apps/{app}/spec": {
      get: {
        summary: "The app's spec as a YAML file, to keep in git and apply again",
        description: APP_SPEC_FILE,
        parameters: [teamParam, appNameParam],
        responses: { 200: yamlFile("The app spec file"), ...errors(401, 403, 404) },
      },
    },
    "/tokens": {
      get: { summary: "Your API tokens", responses: { 200: ok("{ tokens }"), ...errors(401) } },
      post: {
        summary: "Create an API token; the response is the only time it is shown",
        requestBody: body(createApiTokenSchema),
        responses: { 201: ok("{ token, id, name, prefix, expiresAt }"), ...errors(400, 401) },
      },
    },
    "/tokens/{tokenId}": {
      delete: {
        summary: "Revoke one of your tokens",
        parameters: [{ name: "tokenId", in: "path", required: true, schema: { type: "string", format: "uuid" } }],
        responses: { 200: ok("{ id, revokedAt }"), ...errors(400, 401, 404) },
      },
    },
    "/audit": {
      get: {
        summary: "Audit events you may see, newest first: all for platform admins, else your teams' events and your own actions",
        parameters: queryParams(auditPageSchema),
        responses: {
          200: ok(
            "{ events: [{ id, createdAt, actorEmail, team: { slug, name } | null, action, target: { type, id } | null, data, requestId, sourceIp }], nextCursor }",
          ),
          ...errors(400, 401),
        },
      },
    },
    "/audit/export": {
      get: {
        summary: "The same filtered events, all pages, as a streamed CSV or JSON attachment",
        parameters: queryParams(auditExportSchema),
        responses: {
          200: {
            description:
              "CSV (a header row, then one row per event; cells that could be read as formulas start with an apostrophe) or a JSON array of the events",
            content: {
              "text/csv": { schema: { type: "string" } },
              "application/json": { schema: { type: "array", items: { type: "object" } } },
            },
          },
          ...errors(400, 401),
        },
      },
    },
    "/audit/verify": {
      post: {
        summary: "Recompute the audit hash chain: { ok, checked } or { ok: false, checked, brokenAt, reason }",
        responses: { 200: ok("{ ok, checked, brokenAt?, reason? }"), ...errors(401) },
      },
    },
  },
  components: {
    securitySchemes: { bearer: { type: "http", scheme: "bearer", description: "A Slipway personal access token (slw_...)" } },
    schemas: {
      Error: {
        type: "object",
        required: ["error"],
        properties: {
          error: {
            type: "object",
            required: ["code", "message"],
            properties: {
              code: {
                type: "string",
                enum: [
                  "INVALID_INPUT",
                  "UNAUTHENTICATED",
                  "FORBIDDEN",
                  "NOT_FOUND",
                  "CONFLICT",
                  "UNAVAILABLE",
                  "CLUSTER_ERROR",
                  "INTERNAL",
                ],
              },
              message: { type: "string" },
              fields: {
                type: "object",
                additionalProperties: { type: "array", items: { type: "string" } },
                description: "Per-field messages for INVALID_INPUT",
              },
            },
          },
        },
      },
    },
    responses: {
      Error400: errorResponse("Invalid input; `fields` names each field and the rule"),
      Error401: errorResponse("No token, or an unknown, expired or revoked one"),
      Error403: errorResponse("Your role does not allow this; the message names the role needed and the team's leads"),
      Error404: errorResponse("No such team, member or token"),
      Error502: errorResponse("The cluster refused or failed the call; the message says why"),
      Error503: errorResponse("No cluster is configured or it cannot be reached"),
      Error409: errorResponse("Conflicts with the current state (taken slug, existing member, last lead)"),
    },
  },
} as const;
