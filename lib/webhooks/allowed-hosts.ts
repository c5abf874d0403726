/**
 * Where webhooks may go: http(s) URLs whose host an admin allowed
 * (SLIPWAY_WEBHOOK_ALLOWED_HOSTS), so a team cannot aim Slipway at internal services.
 * Checked when a webhook is saved and again before each send (the setting may change).
 */
import { env } from "@/lib/env";

export function allowedWebhookHosts(): string[] {
  return env.SLIPWAY_WEBHOOK_ALLOWED_HOSTS ?? (env.NODE_ENV === "production" ? [] : ["127.0.0.1", "localhost"]);
}

export function hostMatches(host: string, pattern: string): boolean {
  const name = host.toLowerCase();
  if (pattern.startsWith("*.")) return name.endsWith(pattern.slice(1)) && name.length > pattern.length - 1;
  return name === pattern;
}

/** Why `url` may not be used, or null when it may. */
export function webhookUrlProblem(url: string, hosts: string[] = allowedWebhookHosts()): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return "must be a URL like https://hooks.example.com/slipway";
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return "must be an http:// or https:// URL";
  if (parsed.username || parsed.password) return "must not contain a user name or password";
  if (hosts.length === 0) return "no webhook hosts are allowed on this Slipway; ask a platform admin (SLIPWAY_WEBHOOK_ALLOWED_HOSTS)";
  if (!hosts.some((pattern) => hostMatches(parsed.hostname, pattern))) {
    return `host ${parsed.hostname} is not allowed; allowed: ${hosts.join(", ")}`;
  }
  return null;
}
