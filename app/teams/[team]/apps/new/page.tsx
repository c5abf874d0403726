import type { Metadata } from "next";
import Link from "next/link";
import { AppForm } from "@/components/apps/app-form";
import { ForbiddenNotice } from "@/components/ui/forbidden-notice";
import { allowed, pageCall } from "@/lib/adapters/page-call";
import { createApp } from "@/lib/apps/create-app";
import { getTeam } from "@/lib/teams/get-team";
import { createAppAction } from "../app-actions";

export const metadata: Metadata = { title: "Register an app" };

export default async function NewAppPage({ params }: { params: Promise<{ team: string }> }) {
  const { team } = await params;
  const access = await pageCall(getTeam, { team });
  if (access.forbidden !== undefined || !allowed(access.ctx, createApp)) {
    return (
      <ForbiddenNotice
        title="You cannot register apps here"
        reason={access.forbidden ?? "Registering apps needs the Deployer or Lead role in this team."}
      />
    );
  }
  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={`/teams/${team}`} className="text-blue-700 underline">
          {access.ctx.team.name}
        </Link>{" "}
        / Register an app
      </nav>
      <h1 className="text-2xl font-semibold">Register an app</h1>
      <AppForm action={createAppAction.bind(null, { team })} submitLabel="Register app" />
    </div>
  );
}
