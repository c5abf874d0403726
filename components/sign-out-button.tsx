"use client";

import { signOut } from "next-auth/react";

/** Ends the Slipway session (not the one at the identity provider) and returns to /signin. */
export function SignOutButton() {
  return (
    <button
      type="button"
      onClick={() => signOut({ callbackUrl: "/signin" })}
      className="rounded px-2 py-1 text-sm text-slate-600 hover:bg-slate-100 hover:text-slate-900 focus-visible:outline focus-visible:outline-2 focus-visible:outline-blue-600"
    >
      Sign out
    </button>
  );
}
