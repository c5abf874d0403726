import { randomUUID } from "node:crypto";
import { DataTable } from "@/components/ui/data-table";
import type { Metadata } from "next";
import Link from "next/link";
import { AppActivity } from "@/components/apps/app-activity";
import { DeployForm } from "@/components/apps/deploy-form";
import { LiveState } from "@/components/apps/live-state";
import { PendingChanges } from "@/components/apps/pending-changes";
import { ExportSpecLink } from "@/components/apps/export-spec-link";
import { ReleaseProgress } from "@/components/apps/release-progress";
import { ScaleForm } from "@/components/apps/scale-form";
import { StatusBadge } from "@/components/apps/status-badge";
import { ConfirmForm } from "@/components/ui/confirm-form";
import { ForbiddenNotice } from "@/components/ui/forbidden-notice";
import { allowed, pageCall } from "@/lib/adapters/page-call";
import { versionOf } from "@/lib/apps/app-spec.types";
import { getApp } from "@/lib/apps/get-app";
import { readAppStatus } from "@/lib/apps/read-app-status";
import { restartApp } from "@/lib/apps/restart-app";
import { scaleApp } from "@/lib/apps/scale-app";
import { updateApp } from "@/lib/apps/update-app";
import { leastRoleFor, ROLE_LABELS } from "@/lib/authz/permissions";
import { listAuditEvents } from "@/lib/audit/list-audit-events";
import { deployApp } from "@/lib/deploys/deploy-app";
import { diffSpecs, releaseSpec, type ReleaseSpec } from "@/lib/apps/release-spec";
import { listReleases } from "@/lib/deploys/list-releases";
import { getTeam } from "@/lib/teams/get-team";
import { parseReleaseNumber } from "@/lib/validation/fields";
import { deployAction, reapplyAction, restartAction, rollbackAction, scaleAction } from "../app-actions";

export async function generateMetadata({ params }: { params: Promise<{ app: string }> }): Promise<Metadata> {
  return { title: (await params).app };
}

function duration(from: Date, to: Date | null) {
  if (!to) return "—";
  const s = Math.round((to.getTime() - from.getTime()) / 1000);
  return s < 60 ? `${s}s` : `${Math.floor(s / 60)}m ${s % 60}s`;
}

export default async function AppPage({
  params,
  searchParams,
}: {
  params: Promise<{ team: string; app: string }>;
  searchParams: Promise<{ before?: string }>;
}) {
  const { team, app: name } = await params;
  const before = parseReleaseNumber((await searchParams).before);
  const access = await pageCall(getApp, { team, app: name });
  if (access.forbidden !== undefined) return <ForbiddenNotice title="You cannot see this app" reason={access.forbidden} />;
  const { ctx } = access;
  const { spec } = access.output;
  const path = { team, app: name };
  const [history, statusCall, teamCall, activity] = await Promise.all([
    pageCall(listReleases, path, { limit: 15, before }),
    pageCall(readAppStatus, path),
    pageCall(getTeam, { team }),
    pageCall(listAuditEvents, {}, { team, app: name, limit: 10 }),
  ]);
  const { releases, nextBefore } = history.output ?? { releases: [], nextBefore: null };
  const status = statusCall.output ?? { error: "Not allowed to read the cluster." };
  const leads = teamCall.output?.leads ?? [];
  const latest = before ? null : releases[0];
  const lastSucceeded = releases.find((r) => r.status === "SUCCEEDED");
  const mayDeploy = allowed(ctx, deployApp);
  const running = lastSucceeded && (lastSucceeded.spec as ReleaseSpec);
  const pending = running ? diffSpecs(running, releaseSpec(spec, running.image)) : [];
  const base = `/teams/${team}/apps/${name}`;

  return (
    <div className="space-y-8">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={`/teams/${team}`} className="text-blue-700 underline">
          {ctx.team.name}
        </Link>{" "}
        / {name}
      </nav>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">{name}</h1>
          <p className="font-mono text-sm text-slate-600">
            {spec.imageRepository} · port {spec.containerPort} · {spec.replicas} replicas{spec.host ? ` · ${spec.host}` : ""}
          </p>
        </div>
        <div className="flex gap-2">
          <ExportSpecLink team={team} app={name} />
          {allowed(ctx, updateApp) && (
            <Link href={`${base}/edit`} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm">
              Edit settings
            </Link>
          )}
        </div>
      </div>

      <section aria-labelledby="deploy" className="space-y-4 rounded-lg border border-slate-200 bg-white p-6">
        <h2 id="deploy" className="text-lg font-semibold">
          Deploy
        </h2>
        {latest && (
          <ReleaseProgress
            key={latest.id}
            eventsUrl={`/api/v1${base}/releases/${latest.sequence}/events`}
            sequence={latest.sequence}
            initial={{ status: latest.status, error: latest.error, desired: (latest.spec as { replicas?: number }).replicas }}
          />
        )}
        {status.live && (
          <LiveState
            initial={status.live}
            liveUrl={`/api/v1${base}/live`}
            reapply={
              mayDeploy && (
                <ConfirmForm
                  action={reapplyAction.bind(null, path)}
                  fields={{ idempotencyKey: randomUUID() }}
                  trigger={`Re-apply release #${status.live.release?.sequence}`}
                  title={`Re-apply release #${status.live.release?.sequence} to ${name}?`}
                  description="This deploys the current release's spec again, as a new release, over the changes made outside Slipway."
                  confirmLabel="Re-apply"
                />
              )
            }
          />
        )}
        {mayDeploy && <PendingChanges changes={pending} against={lastSucceeded?.sequence ?? null} />}
        {mayDeploy ? (
          <DeployForm
            action={deployAction.bind(null, path)}
            imageRepository={spec.imageRepository}
            lastVersion={latest ? versionOf(latest.image) : "latest"}
            idempotencyKey={randomUUID()}
          />
        ) : (
          <p data-testid="deploy-denied" className="text-sm text-slate-600">
            Deploying needs the {ROLE_LABELS[leastRoleFor("app.deploy")]} role or above; you are a{" "}
            {ctx.role ? ROLE_LABELS[ctx.role] : "non-member"}.{leads.length > 0 && ` Ask a lead: ${leads.join(", ")}.`}
          </p>
        )}
      </section>

      <section aria-labelledby="history" className="space-y-3">
        <h2 id="history" className="text-lg font-semibold">
          Release history
        </h2>
        {releases.length === 0 ? (
          <p className="text-slate-600">Not deployed yet.</p>
        ) : (
          <DataTable dense columns={["#", "Image", "Who", "When", "Took", "Result", { label: "Actions", hidden: true }]}>
            {releases.map((r) => (
              <tr key={r.id} className="border-t border-slate-100 align-top" data-testid={`release-${r.sequence}`}>
                <td className="px-3 py-2">
                  <Link href={`${base}/releases/${r.sequence}`} className="text-blue-700 underline">
                    #{r.sequence}
                  </Link>
                </td>
                <td className="px-3 py-2 font-mono text-xs">
                  {versionOf(r.image)}
                  {r.rollbackOf && <span className="ml-2 rounded bg-slate-100 px-1">rollback to #{r.rollbackOf.sequence}</span>}
                </td>
                <td className="px-3 py-2">{r.requestedBy?.email ?? "—"}</td>
                <td className="px-3 py-2">
                  <time dateTime={r.createdAt.toISOString()}>{r.createdAt.toISOString().slice(0, 19).replace("T", " ")}</time>
                </td>
                <td className="px-3 py-2">{duration(r.createdAt, r.finishedAt)}</td>
                <td className="px-3 py-2">
                  <StatusBadge status={r.status} />
                  {r.error && <p className="mt-1 max-w-sm text-xs text-red-700">{r.error}</p>}
                </td>
                <td className="px-3 py-2">
                  {mayDeploy && r.status === "SUCCEEDED" && r.id !== lastSucceeded?.id && (
                    <ConfirmForm
                      action={rollbackAction.bind(null, path)}
                      fields={{ sequence: String(r.sequence), idempotencyKey: randomUUID() }}
                      trigger={`Roll back to #${r.sequence}`}
                      title={`Roll back ${name} to release #${r.sequence}?`}
                      description={`This deploys ${r.image} with the settings release #${r.sequence} had, as a new release.`}
                      confirmLabel="Roll back"
                    />
                  )}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
        <AppActivity events={activity.output?.events ?? []} />
        <nav aria-label="Release pages" className="flex gap-4 text-sm">
          {before && (
            <Link href={base} className="text-blue-700 underline">
              Newest
            </Link>
          )}
          {nextBefore && (
            <Link href={`${base}?before=${nextBefore}`} className="text-blue-700 underline">
              Older releases
            </Link>
          )}
        </nav>
      </section>

      <section aria-labelledby="running" className="space-y-3">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="running" className="text-lg font-semibold">
            In the cluster
          </h2>
          {(allowed(ctx, scaleApp) || allowed(ctx, restartApp)) && (
            <div className="flex flex-wrap items-center gap-4">
              <ScaleForm action={scaleAction.bind(null, path)} replicas={spec.replicas} />
              <ConfirmForm
                action={restartAction.bind(null, path)}
                trigger="Restart"
                title={`Restart ${name}?`}
                description="Every pod is replaced, a few at a time, as in kubectl rollout restart."
                confirmLabel="Restart"
              />
            </div>
          )}
        </div>
        {"error" in status ? (
          <p role="status" className="rounded-lg border border-amber-200 bg-amber-50 p-4 text-sm">
            {status.error}
          </p>
        ) : (
          <div className="grid gap-4 lg:grid-cols-2">
            <DataTable dense label="Pods" columns={["Pod", "Phase", "Ready", "Restarts"]}>
              {status.view.pods.length === 0 && (
                <tr>
                  <td colSpan={4} className="px-3 py-2 text-slate-500">
                    No pods.
                  </td>
                </tr>
              )}
              {status.view.pods.map((pod) => (
                <tr key={pod.name} className="border-t border-slate-100" data-testid="pod-row">
                  <td className="px-3 py-2 font-mono text-xs">{pod.name}</td>
                  <td className="px-3 py-2">{pod.phase}</td>
                  <td className="px-3 py-2">{pod.ready ? "yes" : "no"}</td>
                  <td className="px-3 py-2">{pod.restarts}</td>
                </tr>
              ))}
            </DataTable>
            <div className="space-y-2">
              <h3 className="font-medium">Recent events</h3>
              <ul className="max-h-64 space-y-1 overflow-auto rounded-lg border border-slate-200 bg-white p-3 text-xs">
                {status.view.events.length === 0 && <li className="text-slate-500">No recent events.</li>}
                {status.view.events.map((event, i) => (
                  <li key={i}>
                    <span className={event.type === "Warning" ? "text-red-700" : "text-slate-500"}>{event.reason}</span> {event.message}
                  </li>
                ))}
              </ul>
              <h3 className="font-medium">Log tail</h3>
              {status.view.logs.length === 0 && <p className="text-xs text-slate-500">No logs.</p>}
              {status.view.logs.map((log) => (
                <details key={log.pod} className="rounded-lg border border-slate-200 bg-white p-2 text-xs">
                  <summary className="cursor-pointer font-mono">{log.pod}</summary>
                  <pre className="mt-2 max-h-48 overflow-auto whitespace-pre-wrap">{log.text ?? log.error}</pre>
                </details>
              ))}
            </div>
          </div>
        )}
      </section>
    </div>
  );
}
