/**
 * Which Ingress hosts a team may use: those under <team-slug>.<SLIPWAY_INGRESS_DOMAIN>,
 * so no team can take another's traffic. Provisioning writes the domains on the team
 * Namespace, where the slipway-ingress-hosts admission policy reads them; Slipway's app
 * form checks the same rule first (lib/apps/app-host.ts). Keep isHostUnderDomains in
 * step with that policy's CEL in deploy/admission-policies.yaml.
 */

export function teamIngressDomains(slug: string, baseDomain: string): string[] {
  return [`${slug}.${baseDomain}`];
}

/** The domain itself or any name under it, e.g. web.payments.apps.example.com. */
export function isHostUnderDomains(host: string, domains: string[]): boolean {
  return domains.some((domain) => host === domain || host.endsWith(`.${domain}`));
}
