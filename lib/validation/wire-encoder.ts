/**
 * A use-case's answer as its output schema puts it on the wire, without checking every
 * value again: keys the schema does not declare are dropped (as zod's object strip
 * does, so nothing leaves that the schema does not name), dates and audit ids become
 * strings (the codecs in ./wire.ts), everything else is copied. This is how fastify
 * serializes with a response schema (fast-json-stringify): the schema says what leaves,
 * the use-case's types say what it is.
 *
 * Why not `z.encode`: it validates every string and number of the answer. On the team
 * apps list (500 apps) that was about a quarter of the server's CPU per request, mostly
 * the uuid and ISO date regexes (profiled at the large size of `npm run bench`).
 *
 * Shapes this does not know (unions, transforms, records of typed values...) go through
 * `z.encode` for that part, so they are checked as before. That every answer matches its
 * schema is checked by the API fuzz run (Schemathesis, `response_schema_conformance`);
 * tests/unit/wire-encoder.test.ts checks that both encoders agree.
 */
import { z } from "zod";
import { bigintId, dateTime } from "./wire";

type Encode = (value: unknown) => unknown;

const compiled = new WeakMap<z.ZodType, Encode>();
const copy: Encode = (value) => value;

export function encodeForWire<S extends z.ZodType>(schema: S, value: z.output<S>): z.input<S> {
  return encoderFor(schema)(value) as z.input<S>;
}

function encoderFor(schema: z.ZodType): Encode {
  let encode = compiled.get(schema);
  if (!encode) {
    encode = compile(schema);
    compiled.set(schema, encode);
  }
  return encode;
}

function compile(schema: z.ZodType): Encode {
  const slow: Encode = (value) => z.encode(schema, value as never);
  if (schema === dateTime) return (value) => (value instanceof Date ? value.toISOString() : slow(value));
  if (schema === bigintId) return (value) => (typeof value === "bigint" ? value.toString() : slow(value));
  const def = (schema as z.core.$ZodType)._zod.def as z.core.$ZodTypeDef & Record<string, unknown>;
  switch (def.type) {
    case "string":
    case "number":
    case "boolean":
    case "enum":
    case "literal":
    case "null":
    case "unknown":
    case "any":
      return copy;
    case "nullable": {
      const inner = encoderFor(def.innerType as z.ZodType);
      return (value) => (value === null ? null : inner(value));
    }
    case "optional": {
      const inner = encoderFor(def.innerType as z.ZodType);
      return (value) => (value === undefined ? undefined : inner(value));
    }
    case "array": {
      const element = encoderFor(def.element as z.ZodType);
      return (value) => (Array.isArray(value) ? value.map((item) => element(item)) : slow(value));
    }
    case "record": {
      // Free-form JSON (jsonObject): passed through as it is.
      const valueType = (def.valueType as z.core.$ZodType)._zod.def.type;
      return valueType === "unknown" || valueType === "any" ? (value) => (isObject(value) ? value : slow(value)) : slow;
    }
    case "object": {
      // A catchall (looseObject, strictObject) keeps or refuses unknown keys: zod's own rules apply.
      if (def.catchall) return slow;
      const fields = Object.entries(def.shape as Record<string, z.ZodType>).map(([key, field]) => [key, encoderFor(field)] as const);
      return (value) => {
        if (!isObject(value)) return slow(value);
        const out: Record<string, unknown> = {};
        for (const [key, encode] of fields) {
          const field = value[key];
          if (field !== undefined) out[key] = encode(field);
        }
        return out;
      };
    }
    default:
      return slow;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);
}
