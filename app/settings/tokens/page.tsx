import type { Metadata } from "next";
import { DataTable } from "@/components/ui/data-table";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { CreateTokenForm } from "@/components/tokens/create-token-form";
import { ConfirmForm } from "@/components/ui/confirm-form";
import { pageCall } from "@/lib/adapters/page-call";
import { listApiTokens } from "@/lib/tokens/list-api-tokens";
import { createTokenAction, revokeTokenAction } from "./token-actions";

export const metadata: Metadata = { title: "API tokens" };

function tokenState(token: { revokedAt: Date | null; expiresAt: Date }, now: Date) {
  if (token.revokedAt) return "revoked";
  return token.expiresAt <= now ? "expired" : "active";
}

export default async function TokensPage() {
  const { output } = await pageCall(listApiTokens);
  const tokens = output?.tokens ?? [];
  const now = new Date();
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold">API tokens</h1>
        <p className="text-slate-600">
          Personal access tokens act as you on the API (
          <a className="text-blue-700 underline" href="/api/v1/openapi.json">
            /api/v1
          </a>
          ), with exactly your permissions. Send them as <code className="rounded bg-slate-100 px-1">Authorization: Bearer slw_…</code>.
        </p>
      </div>
      <CreateTokenForm action={createTokenAction.bind(null, {})} />
      <section aria-labelledby="your-tokens" className="space-y-3">
        <h2 id="your-tokens" className="text-lg font-semibold">
          Your tokens
        </h2>
        {tokens.length === 0 ? (
          <p className="text-slate-600">No tokens yet.</p>
        ) : (
          <ScrollRegion label="API tokens table">
            <DataTable columns={["Name", "Token", "Expires", "Last used", "State", { label: "Actions", hidden: true }]}>
              {tokens.map((token) => {
                const state = tokenState(token, now);
                return (
                  <tr key={token.id} className="border-t border-slate-100" data-testid={`token-${token.name}`}>
                    <td className="px-4 py-2 font-medium">{token.name}</td>
                    <td className="px-4 py-2 font-mono text-xs">{token.prefix}…</td>
                    <td className="px-4 py-2">{token.expiresAt.toISOString().slice(0, 10)}</td>
                    <td className="px-4 py-2">
                      {token.lastUsedAt ? token.lastUsedAt.toISOString().slice(0, 16).replace("T", " ") : "never"}
                    </td>
                    <td className="px-4 py-2">{state}</td>
                    <td className="px-4 py-2">
                      {state === "active" && (
                        <ConfirmForm
                          action={revokeTokenAction.bind(null, { tokenId: token.id })}
                          trigger="Revoke"
                          title={`Revoke "${token.name}"?`}
                          description="Anything using this token (CI jobs, scripts) stops working at once."
                          confirmLabel="Revoke token"
                        />
                      )}
                    </td>
                  </tr>
                );
              })}
            </DataTable>
          </ScrollRegion>
        )}
      </section>
    </div>
  );
}
