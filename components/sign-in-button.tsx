"use client";

import { useState, useSyncExternalStore } from "react";
import { signIn } from "next-auth/react";

/**
 * Starts the provider's sign-in (next-auth fetches a CSRF token, then redirects). It needs
 * the page's script, so it stays disabled until hydrated: a click before then did nothing
 * (seen in CI as a sign-in that never left the page). While it is under way it says so.
 */
export function SignInButton(props: { providerId: string; providerName: string; callbackUrl: string }) {
  // false in the server's HTML and while hydrating, true once the click handler is attached.
  const ready = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const [starting, setStarting] = useState(false);
  return (
    <button
      type="button"
      disabled={!ready || starting}
      aria-busy={starting || undefined}
      onClick={() => {
        setStarting(true);
        void signIn(props.providerId, { callbackUrl: props.callbackUrl }).catch(() => setStarting(false));
      }}
      className="w-full rounded-md bg-slate-900 px-4 py-2 font-medium text-white hover:bg-slate-700 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 disabled:cursor-not-allowed disabled:opacity-70"
    >
      {starting ? `Signing in with ${props.providerName}…` : `Sign in with ${props.providerName}`}
    </button>
  );
}

const noSubscription = () => () => {};
