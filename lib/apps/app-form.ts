/**
 * The register/edit form is flat (env as NAME=value lines, resources as four
 * inputs); this turns it into the app spec the one schema validates.
 */
import { z } from "zod";
import { appSpecSchema, type AppSpecInput } from "./app-spec.types";

const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

export function envFromLines(text: string): { name: string; value: string }[] {
  return text
    .split(/\r?\n/)
    .filter((line) => line.trim() !== "")
    .map((line) => {
      const eq = line.indexOf("=");
      return eq < 0 ? { name: line.trim(), value: "" } : { name: line.slice(0, eq).trim(), value: line.slice(eq + 1) };
    });
}

export function envToLines(env: AppSpecInput["env"]): string {
  return env.map((v) => `${v.name}=${v.value}`).join("\n");
}

export function formToSpec(input: unknown): Record<string, unknown> {
  const f = (input ?? {}) as Record<string, string | undefined>;
  const amounts = (kind: "requests" | "limits") => {
    const cpu = blankToUndefined(f[`${kind}Cpu`]);
    const memory = blankToUndefined(f[`${kind}Memory`]);
    return cpu || memory ? { ...(cpu ? { cpu } : {}), ...(memory ? { memory } : {}) } : undefined;
  };
  return {
    name: f.name,
    imageRepository: f.imageRepository,
    containerPort: f.containerPort,
    replicas: f.replicas,
    env: envFromLines(f.env ?? ""),
    resources: {
      ...(amounts("requests") ? { requests: amounts("requests") } : {}),
      ...(amounts("limits") ? { limits: amounts("limits") } : {}),
    },
    healthCheckPath: blankToUndefined(f.healthCheckPath),
    host: blankToUndefined(f.host),
  };
}

export const appFormSchema = z.preprocess(formToSpec, appSpecSchema);

/** Form field names for spec error paths ("resources.requests.cpu" -> "requestsCpu", env lines -> "env"); `spec.` prefixes are dropped. */
export function formFieldOf(specPath: string): string {
  const path = specPath.replace(/^spec\./, "");
  const env = path.match(/^env\.(\d+)\./);
  if (env) return "env";
  const res = path.match(/^resources\.(requests|limits)\.(cpu|memory)$/);
  if (res) return `${res[1]}${res[2] === "cpu" ? "Cpu" : "Memory"}`;
  return path;
}
