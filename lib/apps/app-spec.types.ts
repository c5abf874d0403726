/**
 * What a team registers about an app, validated the same way from the form, the API
 * and a YAML file. Every message names the rule, and zod's path names the field.
 */
import { z } from "zod";
import { dnsLabel, wholeNumber } from "@/lib/validation/fields";

// The repository part of an image reference (distribution/reference grammar), no tag.
const DOMAIN = String.raw`(?:(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*(?::[0-9]+)?/)`;
const COMPONENT = String.raw`[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*`;
export const IMAGE_REPOSITORY = new RegExp(`^${DOMAIN}?${COMPONENT}(?:/${COMPONENT})*$`);
export const IMAGE_TAG = /^[\w][\w.-]{0,127}$/;
export const IMAGE_DIGEST = /^sha256:[a-f0-9]{64}$/;

export const MAX_REPLICAS = 20;
/** Blank is an error, never 0: an empty box must not scale an app to nothing. */
export const replicaCount = wholeNumber({ min: 0, max: MAX_REPLICAS });

export const RESERVED_APP_NAMES = ["new", "import", "spec"];

const CPU = /^(\d+m|\d+(\.\d{1,3})?)$/;
const MEMORY = /^\d+(Ki|Mi|Gi)?$/;
const MAX_CPU_MILLI = 8_000;
const MAX_MEMORY_BYTES = 32 * 1024 ** 3;

export function cpuMillis(value: string): number {
  return value.endsWith("m") ? Number(value.slice(0, -1)) : Math.round(Number(value) * 1000);
}

export function memoryBytes(value: string): number {
  const unit = { Ki: 1024, Mi: 1024 ** 2, Gi: 1024 ** 3 }[value.slice(-2)] ?? 1;
  return Number(unit === 1 ? value : value.slice(0, -2)) * unit;
}

const cpu = z
  .string()
  .trim()
  .regex(CPU, "must be CPU cores like 250m or 0.5")
  // Only a well-formed amount is checked for size (one message per mistake).
  .refine((v) => !CPU.test(v) || (cpuMillis(v) > 0 && cpuMillis(v) <= MAX_CPU_MILLI), "must be more than 0 and at most 8 cores");
const memory = z
  .string()
  .trim()
  .regex(MEMORY, "must be memory like 128Mi or 1Gi")
  .refine((v) => !MEMORY.test(v) || (memoryBytes(v) > 0 && memoryBytes(v) <= MAX_MEMORY_BYTES), "must be more than 0 and at most 32Gi");
const amounts = z.object({ cpu: cpu.optional(), memory: memory.optional() }).strict();

const envVar = z
  .object({
    name: z
      .string()
      .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "must be a C identifier: letters, digits and _, not starting with a digit")
      .max(128, "must be at most 128 characters"),
    value: z.string().max(4096, "must be at most 4096 characters"),
  })
  .strict();

export const appSpecSchema = z
  .object({
    // These are pages and routes beside the app's own (/apps/new, /apps/import, /apps/spec).
    name: dnsLabel(50).refine((name) => !RESERVED_APP_NAMES.includes(name), "is reserved (new, import, spec); pick another name"),
    imageRepository: z
      .string({ error: "is required" })
      .trim()
      .max(255, "must be at most 255 characters")
      .regex(IMAGE_REPOSITORY, "must be an image repository like registry.example.com/team/app, without a tag"),
    containerPort: wholeNumber({ min: 1, max: 65535 }),
    replicas: replicaCount,
    env: z
      .array(envVar)
      .max(100, "must have at most 100 variables")
      .default([])
      .superRefine((vars, ctx) => {
        const seen = new Set<string>();
        vars.forEach((v, i) => {
          if (seen.has(v.name)) ctx.addIssue({ code: "custom", path: [i, "name"], message: `${v.name} is set twice` });
          seen.add(v.name);
        });
      }),
    resources: z
      .object({ requests: amounts.optional(), limits: amounts.optional() })
      .strict()
      .default({})
      .superRefine((r, ctx) => {
        if (r.requests?.cpu && r.limits?.cpu && cpuMillis(r.requests.cpu) > cpuMillis(r.limits.cpu)) {
          ctx.addIssue({ code: "custom", path: ["requests", "cpu"], message: "must not be more than the CPU limit" });
        }
        if (r.requests?.memory && r.limits?.memory && memoryBytes(r.requests.memory) > memoryBytes(r.limits.memory)) {
          ctx.addIssue({ code: "custom", path: ["requests", "memory"], message: "must not be more than the memory limit" });
        }
      }),
    healthCheckPath: z
      .string()
      .trim()
      .max(200, "must be at most 200 characters")
      .regex(/^\/[^\s]*$/, "must be a path starting with /")
      .optional(),
    host: z
      .string()
      .trim()
      .toLowerCase()
      .max(253, "must be at most 253 characters")
      .regex(/^([a-z0-9]([-a-z0-9]*[a-z0-9])?\.)+[a-z]{2,63}$/, "must be a DNS name like app.example.com")
      .optional(),
  })
  .strict();

export type AppSpecInput = z.infer<typeof appSpecSchema>;

/** The image to deploy: a tag, or a sha256 digest. */
export const imageVersion = z
  .string({ error: "is required" })
  .trim()
  .refine((v) => IMAGE_TAG.test(v) || IMAGE_DIGEST.test(v), "must be an image tag (like v1.2.3) or a digest (sha256:<64 hex>)");

export function imageReference(repository: string, version: string): string {
  return IMAGE_DIGEST.test(version) ? `${repository}@${version}` : `${repository}:${version}`;
}

/** The version part of a full image reference (what the Deploy form is prefilled with). */
export function versionOf(image: string): string {
  const at = image.lastIndexOf("@");
  if (at >= 0) return image.slice(at + 1);
  const colon = image.lastIndexOf(":");
  return colon > image.lastIndexOf("/") ? image.slice(colon + 1) : "latest";
}
