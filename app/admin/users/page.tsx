import type { Metadata } from "next";
import { DataTable } from "@/components/ui/data-table";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { ConfirmForm } from "@/components/ui/confirm-form";
import { ForbiddenNotice } from "@/components/ui/forbidden-notice";
import { pageCall } from "@/lib/adapters/page-call";
import { listUsers } from "@/lib/users/list-users";
import { disableUserAction, enableUserAction, unlinkUserIdentityAction } from "./user-actions";

export const metadata: Metadata = { title: "People" };

export default async function AdminUsersPage() {
  const { output, forbidden } = await pageCall(listUsers);
  if (!output) return <ForbiddenNotice title="People" reason={forbidden} />;
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">People</h1>
        <p className="text-slate-600">
          Disabling someone ends their sessions and API tokens at once and stops them signing in. Re-linking forgets their identity provider
          subject, so their next sign-in with the same email claims this account, with its teams and history.
        </p>
      </div>
      <ScrollRegion label="Users table">
        <DataTable columns={["Email", "Name", "Identity", "Admin", "Last sign-in", "State", { label: "Actions", hidden: true }]}>
          {output.users.map((user) => (
            <tr key={user.id} className="border-t border-slate-100" data-testid={`user-${user.email}`}>
              <td className="px-4 py-2 font-medium">{user.email}</td>
              <td className="px-4 py-2">{user.name ?? ""}</td>
              <td className="px-4 py-2 font-mono text-xs">{user.subject ? `${user.issuer} · ${user.subject}` : "not linked"}</td>
              <td className="px-4 py-2">{user.isPlatformAdmin ? "yes" : ""}</td>
              <td className="px-4 py-2">{user.lastLoginAt ? user.lastLoginAt.toISOString().slice(0, 16).replace("T", " ") : "never"}</td>
              <td className="px-4 py-2">{user.disabledAt ? "disabled" : "active"}</td>
              <td className="space-x-2 px-4 py-2">
                {user.disabledAt ? (
                  <ConfirmForm
                    action={enableUserAction.bind(null, { userId: user.id })}
                    trigger="Enable"
                    title={`Enable ${user.email}?`}
                    description="They can sign in again and create new tokens; their team roles are as before."
                    confirmLabel="Enable"
                  />
                ) : (
                  <ConfirmForm
                    action={disableUserAction.bind(null, { userId: user.id })}
                    trigger="Disable"
                    title={`Disable ${user.email}?`}
                    description="Their sessions and API tokens stop working at once, and they cannot sign in."
                    confirmLabel="Disable"
                  />
                )}
                {user.subject && (
                  <ConfirmForm
                    action={unlinkUserIdentityAction.bind(null, { userId: user.id })}
                    trigger="Re-link"
                    title={`Re-link ${user.email}?`}
                    description="Their current identity is forgotten; the next sign-in with this email becomes theirs."
                    confirmLabel="Re-link"
                  />
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      </ScrollRegion>
    </div>
  );
}
