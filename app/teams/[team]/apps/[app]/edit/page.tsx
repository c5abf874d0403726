import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AppForm } from "@/components/apps/app-form";
import { ConfirmForm } from "@/components/ui/confirm-form";
import { envToLines } from "@/lib/apps/app-form";
import { getAppSpec } from "@/lib/apps/get-app-spec";
import { can, notFoundOnAppError, teamPageAccess } from "@/lib/authz/page-access";
import { archiveAppAction, updateAppAction } from "../../actions";

export const metadata: Metadata = { title: "Edit app" };

export default async function EditAppPage({ params }: { params: Promise<{ team: string; app: string }> }) {
  const { team, app } = await params;
  const access = await teamPageAccess(team);
  if (!access.ctx) notFound();
  const { ctx } = access;
  if (!can(ctx, "app.update")) {
    return (
      <p role="alert" className="rounded-lg border border-amber-200 bg-amber-50 p-6">
        Editing apps needs the Deployer or Lead role in {ctx.team.name}.
      </p>
    );
  }
  const spec = await getAppSpec({ ctx, app }).catch(notFoundOnAppError);
  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={`/teams/${team}`} className="text-blue-700 underline">
          {ctx.team.name}
        </Link>{" "}
        /{" "}
        <Link href={`/teams/${team}/apps/${app}`} className="text-blue-700 underline">
          {app}
        </Link>{" "}
        / Edit
      </nav>
      <h1 className="text-2xl font-semibold">Edit {app}</h1>
      <AppForm
        action={updateAppAction.bind(null, team)}
        submitLabel="Save"
        values={{
          name: spec.name,
          imageRepository: spec.imageRepository,
          containerPort: spec.containerPort,
          replicas: spec.replicas,
          env: envToLines(spec.env),
          requestsCpu: spec.resources.requests?.cpu,
          requestsMemory: spec.resources.requests?.memory,
          limitsCpu: spec.resources.limits?.cpu,
          limitsMemory: spec.resources.limits?.memory,
          healthCheckPath: spec.healthCheckPath,
          host: spec.host,
        }}
      />
      {can(ctx, "app.archive") && (
        <section aria-labelledby="archive" className="max-w-2xl space-y-2 rounded-lg border border-red-200 p-6">
          <h2 id="archive" className="font-semibold">
            Archive
          </h2>
          <p className="text-sm text-slate-600">
            Hides the app and stops deploys. Its history stays; what runs in the cluster is left as it is.
          </p>
          <ConfirmForm
            action={archiveAppAction.bind(null, team)}
            fields={{ app }}
            trigger="Archive app"
            title={`Archive ${app}?`}
            description="Nobody can deploy it any more. Release history and audit events are kept."
            confirmLabel="Archive"
          />
        </section>
      )}
    </div>
  );
}
