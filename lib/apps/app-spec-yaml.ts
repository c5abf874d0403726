/**
 * An app's spec as a YAML file teams keep in git next to their code:
 *
 *   apiVersion: slipway.dev/v1
 *   kind: App
 *   metadata: { name: web, team: payments }
 *   spec: { imageRepository: ..., containerPort: 8080, replicas: 2, env: [...], ... }
 *
 * Parsing validates with the same appSpecSchema as the form and the JSON API. Field
 * errors are keyed by the spec's own paths ("replicas", "env.0.name"; metadata.name is
 * "name"), so they read the same everywhere, and each message says on which line of
 * the file the offending value is.
 */
import { Document, LineCounter, parseDocument, type ParsedNode } from "yaml";
import type { z } from "zod";
import { AppError, type FieldErrors } from "@/lib/errors";
import { appSpecSchema, type AppSpecInput } from "./app-spec.types";

export const APP_SPEC_API_VERSION = "slipway.dev/v1";
export const APP_SPEC_KIND = "App";
export const MAX_APP_SPEC_BYTES = 64 * 1024;

const TOP_LEVEL = ["apiVersion", "kind", "metadata", "spec"];
const METADATA = ["name", "team"];

/**
 * The file for an app; keys in the order people read them. Secret names (never values)
 * are listed in a comment: applying the file leaves secrets as they are.
 */
export function appSpecToYaml(spec: AppSpecInput, team: string, secretNames: string[] = []): string {
  const { name, ...rest } = spec;
  const document = new Document({
    apiVersion: APP_SPEC_API_VERSION,
    kind: APP_SPEC_KIND,
    metadata: { name, team },
    spec: {
      imageRepository: rest.imageRepository,
      containerPort: rest.containerPort,
      replicas: rest.replicas,
      env: rest.env,
      resources: rest.resources,
      ...(rest.healthCheckPath ? { healthCheckPath: rest.healthCheckPath } : {}),
      ...(rest.host ? { host: rest.host } : {}),
    },
  });
  document.commentBefore = ` Slipway app spec. Apply changes with PUT /api/v1/teams/${team}/apps/spec or on the Import page.`;
  if (secretNames.length > 0) {
    document.comment = ` Secrets (values are write-only; set them with slipway secrets set): ${secretNames.join(", ")}`;
  }
  return document.toString({ lineWidth: 0 });
}

type Located = { document: Document.Parsed; lines: LineCounter };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** The line of the value at `path` (or of its nearest ancestor that exists). */
function lineOf({ document, lines }: Located, path: (string | number)[]): number | undefined {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = (depth === 0 ? document.contents : document.getIn(path.slice(0, depth), true)) as ParsedNode | null | undefined;
    if (node?.range) return lines.linePos(node.range[0]).line;
  }
  return undefined;
}

function invalid(summary: string, fieldErrors: FieldErrors): never {
  const details = Object.entries(fieldErrors)
    .map(([field, messages]) => `${field}: ${messages.join("; ")}`)
    .join(". ");
  throw new AppError("INVALID_INPUT", `${summary} ${details}.`, { fieldErrors });
}

function addError(errors: FieldErrors, located: Located, field: string, yamlPath: (string | number)[], message: string) {
  const line = lineOf(located, yamlPath);
  (errors[field] ??= []).push(line ? `${message} (line ${line})` : message);
}

/** Kubernetes accepts `cpu: 1` and `memory: 1024`; the schema wants quantities as strings. */
function quantitiesAsStrings(resources: unknown): unknown {
  if (!isRecord(resources)) return resources;
  return Object.fromEntries(
    Object.entries(resources).map(([kind, amounts]) => [
      kind,
      isRecord(amounts)
        ? Object.fromEntries(Object.entries(amounts).map(([key, value]) => [key, typeof value === "number" ? String(value) : value]))
        : amounts,
    ]),
  );
}

function readYaml(text: string): Located & { value: unknown } {
  if (Buffer.byteLength(text, "utf8") > MAX_APP_SPEC_BYTES) {
    throw new AppError("INVALID_INPUT", "The app spec is larger than 64 KiB.", { fieldErrors: { yaml: ["must be at most 64 KiB"] } });
  }
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const syntax = document.errors[0];
  if (syntax) {
    const { line, col } = lines.linePos(syntax.pos[0]);
    throw new AppError("INVALID_INPUT", `The YAML is not valid: line ${line}, column ${col}: ${syntax.message}`, {
      fieldErrors: { yaml: [`line ${line}, column ${col}: ${syntax.message}`] },
    });
  }
  try {
    return { document, lines, value: document.toJS() };
  } catch (error) {
    // yaml refuses alias "billion laughs" expansions here.
    throw new AppError("INVALID_INPUT", "The YAML could not be read.", {
      fieldErrors: { yaml: [error instanceof Error ? error.message : "could not be read"] },
      cause: error,
    });
  }
}

/** The envelope (apiVersion, kind, metadata) checked into `errors`; the spec part still to validate. */
function readEnvelope(located: Located, value: unknown, team: string, errors: FieldErrors): Record<string, unknown> {
  if (!isRecord(value))
    invalid("The app spec must be a YAML mapping.", { yaml: ["must be a mapping with apiVersion, kind, metadata and spec"] });
  for (const key of Object.keys(value).filter((k) => !TOP_LEVEL.includes(k))) {
    addError(errors, located, key, [key], `is not part of an app spec (expected ${TOP_LEVEL.join(", ")})`);
  }
  if (value.apiVersion !== APP_SPEC_API_VERSION) addError(errors, located, "apiVersion", ["apiVersion"], `must be ${APP_SPEC_API_VERSION}`);
  if (value.kind !== APP_SPEC_KIND) addError(errors, located, "kind", ["kind"], `must be ${APP_SPEC_KIND}`);
  const metadata = value.metadata;
  if (!isRecord(metadata)) {
    addError(errors, located, "metadata", ["metadata"], "must be a mapping with the app's name");
  } else {
    for (const key of Object.keys(metadata).filter((k) => !METADATA.includes(k))) {
      addError(errors, located, `metadata.${key}`, ["metadata", key], "is not a metadata field (expected name, team)");
    }
    if (metadata.team !== undefined && metadata.team !== team) {
      addError(
        errors,
        located,
        "metadata.team",
        ["metadata", "team"],
        `is ${JSON.stringify(metadata.team)}, but this is applied to team ${team}`,
      );
    }
  }
  const spec = value.spec ?? {};
  if (!isRecord(spec)) addError(errors, located, "spec", ["spec"], "must be a mapping");
  else if ("name" in spec) addError(errors, located, "name", ["spec", "name"], "goes in metadata.name, not in spec");
  return { ...(isRecord(spec) ? spec : {}), name: isRecord(metadata) ? metadata.name : undefined };
}

/**
 * The app spec in `text`, validated for `team`, or INVALID_INPUT naming each field and
 * its line: the envelope's problems and the spec's together, so one round fixes all.
 */
export function parseAppSpecYaml(text: string, team: string): AppSpecInput {
  const { value, ...located } = readYaml(text);
  const errors: FieldErrors = {};
  const candidate = readEnvelope(located, value, team, errors);
  // An empty `host:` means no host, as leaving the line out would.
  const present = Object.fromEntries(Object.entries(candidate).filter(([, v]) => v !== null));
  const result = appSpecSchema.safeParse({
    ...present,
    ...(present.resources !== undefined ? { resources: quantitiesAsStrings(present.resources) } : {}),
  });
  if (result.success && Object.keys(errors).length === 0) return result.data;
  for (const issue of result.success ? [] : result.error.issues) {
    const path = issue.path.filter((part): part is string | number => typeof part !== "symbol");
    for (const [at, message] of explain(issue, path, present)) {
      const yamlPath = at[0] === "name" ? ["metadata", ...at] : ["spec", ...at];
      const field = at.length > 0 ? at.join(".") : "spec";
      // An envelope error already said what is wrong here (e.g. metadata missing, so no name).
      if (!errors[field]) addError(errors, located, field, yamlPath, message);
    }
  }
  invalid("Invalid app spec.", errors);
}

/** zod's generic messages, reworded for someone editing a YAML file. */
function explain(issue: z.core.$ZodIssue, path: (string | number)[], input: unknown): [(string | number)[], string][] {
  if (issue.code === "unrecognized_keys") return issue.keys.map((key) => [[...path, key], "is not a field of an app spec"]);
  const given = path.reduce<unknown>((value, key) => (value as Record<string | number, unknown> | undefined)?.[key], input);
  if (issue.code === "invalid_type" && issue.expected === "string" && given !== undefined)
    return [[path, "must be a string (put it in quotes)"]];
  return [[path, issue.message]];
}
