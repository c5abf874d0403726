import { getSessionUser } from "@/lib/auth/session";
import { SignOutButton } from "./sign-out-button";

/** For the header: who is signed in, and the way out. Nothing when signed out. */
export async function SignedInUser() {
  const user = await getSessionUser();
  if (!user) return null;
  return (
    <div className="ml-auto flex items-center gap-3 text-sm">
      <span data-testid="signed-in-user" title={user.email}>
        {user.name ?? user.email}
        {user.isPlatformAdmin && <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600">admin</span>}
      </span>
      <SignOutButton />
    </div>
  );
}
