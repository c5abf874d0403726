/**
 * Output schemas describe the JSON on the wire. These codecs turn what use-cases
 * return (Date, BigInt) into it: `encodeForWire(output, value)` in the API adapter
 * (./wire-encoder.ts, which knows these two codecs by identity), and
 * OpenAPI documents the wire side (`io: "input"`).
 */
import { z } from "zod";

export const dateTime = z.codec(z.iso.datetime({ offset: true }), z.date(), {
  decode: (text) => new Date(text),
  encode: (date) => date.toISOString(),
});

/** Audit event ids are BIGINT; JSON numbers cannot carry all of them. */
export const bigintId = z.codec(z.string().regex(/^\d+$/), z.bigint(), {
  decode: (text) => BigInt(text),
  encode: (id) => id.toString(),
});

/** Free-form JSON an operation passes through (audit event data, a release's spec snapshot). */
export const jsonObject = z.record(z.string(), z.unknown());

export const noInput = z.object({});
