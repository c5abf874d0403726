import type { Metadata } from "next";
import Link from "next/link";
import { AppForm } from "@/components/apps/app-form";
import { can, teamPageAccess } from "@/lib/authz/page-access";
import { createAppAction } from "../actions";

export const metadata: Metadata = { title: "Register an app" };

export default async function NewAppPage({ params }: { params: Promise<{ team: string }> }) {
  const { team } = await params;
  const access = await teamPageAccess(team);
  if (!access.ctx || !can(access.ctx, "app.create")) {
    return (
      <p role="alert" className="rounded-lg border border-amber-200 bg-amber-50 p-6">
        {access.forbidden ?? "Registering apps needs the Deployer or Lead role in this team."}
      </p>
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
      <AppForm action={createAppAction.bind(null, team)} submitLabel="Register app" />
    </div>
  );
}
