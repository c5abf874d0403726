/** Which ways to sign in are configured; read by the auth options and the sign-in page. */
import { env } from "@/lib/env";

export type SignInProvider = { id: "oidc" | "github"; name: string };

export function configuredProviders(): SignInProvider[] {
  const providers: SignInProvider[] = [];
  if (env.OIDC_ISSUER) {
    providers.push({ id: "oidc", name: env.SLIPWAY_DEV_IDP ? "the development IdP" : "single sign-on" });
  }
  if (env.GITHUB_ID) providers.push({ id: "github", name: "GitHub" });
  return providers;
}

/** True when OIDC_ISSUER is the bundled development IdP (tools/dev-idp) with its demo users. */
export function usesDevIdp(): boolean {
  return Boolean(env.OIDC_ISSUER) && env.SLIPWAY_DEV_IDP;
}
