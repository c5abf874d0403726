import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInButton } from "@/components/sign-in-button";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { configuredProviders, usesDevIdp } from "@/lib/auth/providers";
import { getSessionUser } from "@/lib/auth/session";
import { devUsers } from "@/lib/auth/dev-users";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

// Fixed messages per code: the query string never supplies text for the page.
const ERROR_MESSAGES: Record<string, string> = {
  EmailMissing: "Your identity provider did not send an email address, and Slipway needs one.",
  EmailUnverified: "Your identity provider says your email address is not verified.",
  EmailTaken: "That email address already belongs to a Slipway user who signs in another way. Ask a platform admin.",
  Disabled: "Your Slipway account is disabled. Ask a platform admin.",
  RateLimited: "Too many sign-in attempts from your address. Wait a minute and try again.",
  AccessDenied: "Sign-in was cancelled or refused.",
  SessionRequired: "Please sign in to continue.",
  OAuthSignin: "Could not reach the identity provider. Try again in a moment.",
  OAuthCallback: "The identity provider's answer could not be verified. Try again.",
};
const DEFAULT_ERROR = "Sign-in failed. Try again, and ask a platform admin if it keeps failing.";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function SignInPage(props: { searchParams: SearchParams }) {
  const params = await props.searchParams;
  const callbackUrl = safeCallbackPath(params.callbackUrl);
  if (await getSessionUser()) redirect(callbackUrl);

  const errorCode = typeof params.error === "string" ? params.error : undefined;
  const error = errorCode ? (ERROR_MESSAGES[errorCode] ?? DEFAULT_ERROR) : undefined;
  const providers = configuredProviders();

  return (
    <section aria-labelledby="signin-title" className="mx-auto max-w-md space-y-6">
      <h1 id="signin-title" className="text-2xl font-semibold tracking-tight">
        Sign in to Slipway
      </h1>
      {error && (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-4 py-3 text-red-800">
          {error}
        </p>
      )}
      {providers.length === 0 ? (
        <p className="text-slate-600">
          No way to sign in is configured. Set <code>OIDC_ISSUER</code>, <code>OIDC_CLIENT_ID</code> and <code>OIDC_CLIENT_SECRET</code>{" "}
          (see the README).
        </p>
      ) : (
        <div className="space-y-3">
          {providers.map((provider) => (
            <SignInButton key={provider.id} providerId={provider.id} providerName={provider.name} callbackUrl={callbackUrl} />
          ))}
        </div>
      )}
      {usesDevIdp() && <DevUsers />}
    </section>
  );
}

function DevUsers() {
  return (
    <div className="space-y-3 rounded-lg border border-amber-200 bg-amber-50 p-4">
      <h2 className="font-semibold">Development sign-in</h2>
      <p className="text-sm text-slate-700">
        This Slipway uses its bundled development identity provider: anyone can sign in as any demo user, without a password. Pick one on
        the next page.
      </p>
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Demo users</caption>
        <thead>
          <tr className="text-slate-500">
            <th scope="col" className="py-1 font-medium">
              Name
            </th>
            <th scope="col" className="py-1 font-medium">
              Email
            </th>
            <th scope="col" className="py-1 font-medium">
              Role
            </th>
          </tr>
        </thead>
        <tbody>
          {devUsers.map((user) => (
            <tr key={user.subject} className="border-t border-amber-200">
              <td className="py-1">{user.name}</td>
              <td className="py-1">{user.email}</td>
              <td className="py-1">{user.role}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
