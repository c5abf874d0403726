import type { Metadata } from "next";
import { cookies } from "next/headers";
import Link from "next/link";
import { ThemeToggle } from "@/components/theme-toggle";
import { SignedInUser } from "@/components/signed-in-user";
import { PendingApprovalsBadge } from "@/components/access/pending-approvals-badge";
import { countPendingApprovals } from "@/lib/access/count-pending-approvals";
import { sessionCall } from "@/lib/adapters/session-call";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Slipway", template: "%s · Slipway" },
  description: "Self-service deploys on Kubernetes: you build it, you run it.",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const chosen = (await cookies()).get("theme")?.value;
  const theme = chosen === "dark" || chosen === "light" ? chosen : undefined;
  const approvals = await sessionCall(countPendingApprovals);
  return (
    <html lang="en" data-theme={theme}>
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:px-3 focus:py-2"
        >
          Skip to content
        </a>
        <header className="border-b border-slate-200 bg-white">
          <nav aria-label="Main" className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
            <Link href="/" className="text-lg font-semibold tracking-tight">
              Slipway
            </Link>
            <Link href="/teams" className="text-sm text-slate-700 hover:text-slate-900">
              Teams
            </Link>
            <Link href="/activity" className="text-sm text-slate-700 hover:text-slate-900">
              Activity
            </Link>
            <Link href="/settings/tokens" className="text-sm text-slate-700 hover:text-slate-900">
              API tokens
            </Link>
            {approvals && approvals.total > 0 && <PendingApprovalsBadge total={approvals.total} team={approvals.teams[0]!.team} />}
            <SignedInUser />
            <ThemeToggle initial={theme} />
          </nav>
        </header>
        <main id="main" className="mx-auto max-w-6xl px-4 py-8">
          {children}
        </main>
      </body>
    </html>
  );
}
