"use client";

import { signIn } from "next-auth/react";

export function SignInButton(props: { providerId: string; providerName: string; callbackUrl: string }) {
  return (
    <button
      type="button"
      onClick={() => signIn(props.providerId, { callbackUrl: props.callbackUrl })}
      className="w-full rounded-md bg-slate-900 px-4 py-2 font-medium text-white hover:bg-slate-700 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600"
    >
      Sign in with {props.providerName}
    </button>
  );
}
