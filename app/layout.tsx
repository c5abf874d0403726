import type { Metadata } from "next";
import Link from "next/link";
import { SignedInUser } from "@/components/signed-in-user";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Slipway", template: "%s · Slipway" },
  description: "Self-service deploys on Kubernetes: you build it, you run it.",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:px-3 focus:py-2"
        >
          Skip to content
        </a>
        <header className="border-b border-slate-200 bg-white">
          <nav aria-label="Main" className="mx-auto flex max-w-6xl items-center gap-6 px-4 py-3">
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
            <SignedInUser />
          </nav>
        </header>
        <main id="main" className="mx-auto max-w-6xl px-4 py-8">
          {children}
        </main>
      </body>
    </html>
  );
}
