import type { Metadata } from "next";
import Link from "next/link";
import { ImportSpecForm } from "@/components/apps/import-spec-form";
import { ForbiddenNotice } from "@/components/ui/forbidden-notice";
import { allowed, pageCall } from "@/lib/adapters/page-call";
import { applyAppSpec } from "@/lib/apps/apply-app-spec";
import { getTeam } from "@/lib/teams/get-team";
import { applyAppSpecAction } from "../app-actions";

export const metadata: Metadata = { title: "Import an app spec" };

export default async function ImportAppSpecPage({ params }: { params: Promise<{ team: string }> }) {
  const { team } = await params;
  const access = await pageCall(getTeam, { team });
  if (access.forbidden !== undefined || !allowed(access.ctx, applyAppSpec)) {
    return (
      <ForbiddenNotice
        title="You cannot import app specs here"
        reason={access.forbidden ?? "Importing app specs needs the Deployer or Lead role in this team."}
      />
    );
  }
  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={`/teams/${team}`} className="text-blue-700 underline">
          {access.ctx.team.name}
        </Link>{" "}
        / Import an app spec
      </nav>
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold">Import an app spec</h1>
        <p className="max-w-2xl text-sm text-slate-600">
          Keep your app&apos;s settings in git as a YAML file (export it from the app&apos;s page) and apply it here, or from CI with{" "}
          <code className="font-mono">PUT /api/v1/teams/{team}/apps/spec</code>.
        </p>
      </div>
      <ImportSpecForm action={applyAppSpecAction.bind(null, { team })} />
    </div>
  );
}
