import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { isHostUnderDomains, teamIngressDomains } from "@/lib/teams/ingress-domains";

/**
 * An app's host must be under its team's domains: the API server refuses any other
 * Ingress host in the namespace anyway, and this says so on the form, before a deploy fails.
 */
export function assertAppHostAllowed(team: { slug: string }, host: string | undefined, baseDomain = env.SLIPWAY_INGRESS_DOMAIN): void {
  if (!host) return;
  const domains = teamIngressDomains(team.slug, baseDomain);
  if (isHostUnderDomains(host, domains)) return;
  throw new AppError("INVALID_INPUT", `The host ${host} is not under this team's domain ${domains.join(" or ")}.`, {
    fieldErrors: { host: [`must be under ${domains.join(" or ")}, like app.${domains[0]}`] },
  });
}
