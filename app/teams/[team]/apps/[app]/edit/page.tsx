import type { Metadata } from "next";
import Link from "next/link";
import { AppForm } from "@/components/apps/app-form";
import { ConfirmForm } from "@/components/ui/confirm-form";
import { ForbiddenNotice } from "@/components/ui/forbidden-notice";
import { allowed, pageCall } from "@/lib/adapters/page-call";
import { envToLines } from "@/lib/apps/app-form";
import { archiveApp } from "@/lib/apps/archive-app";
import { getApp } from "@/lib/apps/get-app";
import { updateApp } from "@/lib/apps/update-app";
import { archiveAppAction, updateAppAction } from "../../app-actions";

export const metadata: Metadata = { title: "Edit app" };

export default async function EditAppPage({ params }: { params: Promise<{ team: string; app: string }> }) {
  const { team, app } = await params;
  const access = await pageCall(getApp, { team, app });
  if (access.forbidden !== undefined) return <ForbiddenNotice title="You cannot edit this app" reason={access.forbidden} />;
  const { ctx } = access;
  if (!allowed(ctx, updateApp)) {
    return (
      <ForbiddenNotice title="You cannot edit this app" reason={`Editing apps needs the Deployer or Lead role in ${ctx.team.name}.`} />
    );
  }
  const { spec, archivedAt } = access.output;
  if (archivedAt) {
    return <ForbiddenNotice title="You cannot edit this app" reason={`${app} is archived. Unarchive it on its page first.`} />;
  }
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
        action={updateAppAction.bind(null, { team, app })}
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
      {allowed(ctx, archiveApp) && (
        <section aria-labelledby="archive" className="max-w-2xl space-y-2 rounded-lg border border-red-200 p-6">
          <h2 id="archive" className="font-semibold">
            Archive
          </h2>
          <p className="text-sm text-slate-600">
            Hides the app and stops deploys. Its history stays, and a lead can unarchive it from the team page.
          </p>
          <ConfirmForm
            action={archiveAppAction.bind(null, { team, app })}
            trigger="Archive app"
            title={`Archive ${app}?`}
            description="Nobody can deploy it any more. Release history and audit events are kept."
            confirmLabel="Archive"
          >
            <label className="flex items-start gap-2 text-sm">
              <input type="checkbox" name="scaleToZero" defaultChecked className="mt-1" />
              <span>Scale it to 0 first: stop its pods, so they no longer run or use the team&apos;s quota.</span>
            </label>
          </ConfirmForm>
        </section>
      )}
    </div>
  );
}
