import { env } from "@/lib/env";

/** Who is a platform admin comes from configuration, re-read at every sign-in. */
export type AdminConfig = { emails: readonly string[]; groups: readonly string[] };

export function adminConfigFromEnv(): AdminConfig {
  return { emails: env.SLIPWAY_ADMIN_EMAILS, groups: env.SLIPWAY_ADMIN_GROUPS };
}

export function isPlatformAdmin(person: { email: string; groups?: readonly string[] }, config: AdminConfig): boolean {
  const email = person.email.toLowerCase();
  return (
    config.emails.some((admin) => admin.toLowerCase() === email) || (person.groups ?? []).some((group) => config.groups.includes(group))
  );
}
