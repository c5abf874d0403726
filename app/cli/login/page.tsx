import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ApproveCliLoginForm } from "@/components/cli/approve-cli-login-form";
import { pageCall } from "@/lib/adapters/page-call";
import { getCliLogin } from "@/lib/cli-login/get-cli-login";
import { approveCliLoginAction } from "./cli-login-actions";

export const metadata: Metadata = { title: "Sign in the slipway CLI" };

export default async function CliLoginPage({ searchParams }: { searchParams: Promise<{ code?: string }> }) {
  const { code } = await searchParams;
  if (!code) notFound();
  const { output: login } = await pageCall(getCliLogin, {}, { code });
  if (!login) notFound();
  return (
    <div className="max-w-xl space-y-4">
      <h1 className="text-2xl font-semibold">Sign in the slipway CLI</h1>
      {login.state === "expired" ? (
        <p className="text-slate-600">This code has expired. Run slipway login again.</p>
      ) : login.state === "approved" ? (
        <p className="text-slate-600">Approved already. You can close this tab.</p>
      ) : (
        <ApproveCliLoginForm
          action={approveCliLoginAction.bind(null, { code: login.code })}
          code={login.code}
          clientName={login.clientName}
        />
      )}
    </div>
  );
}
