import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import Link from "next/link";
import { AppActivity } from "@/components/apps/app-activity";
import { AppEnvironments } from "@/components/apps/app-environments";
import { EnvironmentSwitcher } from "@/components/apps/environment-switcher";
import { getAppEnvironments } from "@/lib/apps/get-app-environments";
import { AppSummary } from "@/components/apps/app-summary";
import { ArchivedNotice } from "@/components/apps/archived-notice";
import { ClusterPanel } from "@/components/apps/cluster-panel";
import { LogsPanel } from "@/components/apps/logs-panel";
import { DeployForm } from "@/components/apps/deploy-form";
import { LiveState } from "@/components/apps/live-state";
import { PendingChanges } from "@/components/apps/pending-changes";
import { ExportSpecLink } from "@/components/apps/export-spec-link";
import { ReleaseHistory } from "@/components/apps/release-history";
import { ReleaseProgress } from "@/components/apps/release-progress";
import { ScaleForm } from "@/components/apps/scale-form";
import { SecretsPanel } from "@/components/apps/secrets-panel";
import { ConfirmForm } from "@/components/ui/confirm-form";
import { ForbiddenNotice } from "@/components/ui/forbidden-notice";
import { allowed, pageCall } from "@/lib/adapters/page-call";
import { versionOf } from "@/lib/apps/app-spec.types";
import { archiveApp } from "@/lib/apps/archive-app";
import { getApp } from "@/lib/apps/get-app";
import { readAppStatus } from "@/lib/apps/read-app-status";
import { restartApp } from "@/lib/apps/restart-app";
import { scaleApp } from "@/lib/apps/scale-app";
import { updateApp } from "@/lib/apps/update-app";
import { listAuditEvents } from "@/lib/audit/list-audit-events";
import { leastRoleFor, ROLE_LABELS } from "@/lib/authz/permissions";
import { deployApp } from "@/lib/deploys/deploy-app";
import { diffSpecs, releaseSpec, type ReleaseSpec } from "@/lib/apps/release-spec";
import { listReleases } from "@/lib/deploys/list-releases";
import { listSecrets } from "@/lib/secrets/list-secrets";
import { setSecret } from "@/lib/secrets/set-secret";
import { getTeam } from "@/lib/teams/get-team";
import { parseReleaseNumber } from "@/lib/validation/fields";
import { deployAction, reapplyAction, restartAction, rollbackAction, scaleAction, unarchiveAppAction } from "../app-actions";
import { setSecretAction, unsetSecretAction } from "../secret-actions";
import { approveReleaseAction, promoteAction, rejectReleaseAction } from "../promotion-actions";
import { PromoteButton } from "@/components/apps/promote-button";
import { PendingApprovals } from "@/components/apps/pending-approvals";
import { getPromotions } from "@/lib/deploys/get-promotions";
import { approveRelease } from "@/lib/deploys/approve-release";
import { updateEnvironment } from "@/lib/environments/update-environment";

export async function generateMetadata({ params }: { params: Promise<{ app: string }> }): Promise<Metadata> {
  return { title: (await params).app };
}

export default async function AppPage({
  params,
  searchParams,
}: {
  params: Promise<{ team: string; app: string }>;
  searchParams: Promise<{ before?: string; env?: string }>;
}) {
  const { team, app: name } = await params;
  const query = await searchParams;
  const before = parseReleaseNumber(query.before);
  const access = await pageCall(getApp, { team, app: name });
  if (access.forbidden !== undefined)
    return (
      <ForbiddenNotice
        title="You cannot see this app"
        reason={access.forbidden}
        requestHref={`/teams/${encodeURIComponent(team)}/request-access`}
      />
    );
  const { ctx } = access;
  const { spec, archivedAt } = access.output;
  const path = { team, app: name };
  const environmentsCall = await pageCall(getAppEnvironments, path);
  const environments = environmentsCall.output?.environments ?? [];
  // ?env= picks the environment the page shows and acts on; the team's first (default) otherwise.
  const shown = environments.find((environment) => environment.name === query.env) ?? environments.find((e) => e.default);
  const unknownEnvironment = query.env !== undefined && shown?.name !== query.env;
  const several = environments.length > 1;
  const inEnvironment: Record<string, string> = shown ? { environment: shown.name } : {};
  const [history, statusCall, teamCall, activityCall, secretsCall, promotionsCall] = await Promise.all([
    pageCall(listReleases, path, { limit: 15, before, ...(several ? inEnvironment : {}) }),
    pageCall(readAppStatus, path, { tailLines: 0, ...inEnvironment }),
    pageCall(getTeam, { team }),
    pageCall(listAuditEvents, {}, { team, app: name, limit: 8 }),
    pageCall(listSecrets, path, inEnvironment),
    pageCall(getPromotions, path),
  ]);
  // Forms act on the shown environment: it is bound like a path parameter, so the form cannot send another.
  // The client parts are keyed by it, so switching starts them afresh (inputs, messages, streams).
  const inShown = { ...path, ...inEnvironment };
  const envQuery = shown && !shown.default ? `env=${encodeURIComponent(shown.name)}` : "";
  const secrets = secretsCall.output?.secrets ?? [];
  const mayWriteSecrets = !archivedAt && allowed(ctx, setSecret);
  const { releases, nextBefore } = history.output ?? { releases: [], nextBefore: null };
  const status = statusCall.output ?? { error: "Not allowed to read the cluster." };
  const deployed = !("error" in status) && status.view.deployment !== null;
  const leads = teamCall.output?.leads ?? [];
  const latest = before ? null : releases[0];
  const lastSucceeded = releases.find((r) => r.status === "SUCCEEDED");
  const mayDeploy = !archivedAt && allowed(ctx, deployApp);
  const running = lastSucceeded && (lastSucceeded.spec as ReleaseSpec);
  const pending = running
    ? diffSpecs(
        running,
        releaseSpec(
          spec,
          running.image,
          secrets.map(({ name, version }) => ({ name, version })),
        ),
      )
    : [];
  const base = `/teams/${team}/apps/${name}`;
  const previousVersions = [...new Set(releases.map((r) => versionOf(r.image)))];
  const promotions = promotionsCall.output ?? { candidates: [], awaitingApproval: [] };
  const mayApprove = allowed(ctx, approveRelease);
  const promoteButtons = Object.fromEntries(
    mayDeploy
      ? promotions.candidates.map((candidate) => {
          const target = environments.find((environment) => environment.name === candidate.to);
          return [
            candidate.from,
            <PromoteButton
              key={candidate.to}
              action={promoteAction.bind(null, path)}
              candidate={candidate}
              idempotencyKey={randomUUID()}
              requiresApproval={target?.requiresApproval ?? false}
              frozen={target?.freezeUntil ? { until: target.freezeUntil, reason: target.freezeReason ?? null } : null}
              mayOverride={allowed(ctx, updateEnvironment)}
            />,
          ];
        })
      : [],
  );

  return (
    <div className="space-y-8">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={`/teams/${team}`} className="text-blue-700 underline">
          {ctx.team.name}
        </Link>{" "}
        / {name}
      </nav>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0 space-y-2">
          <h1 className="text-2xl font-semibold">{name}</h1>
          <p className="font-mono text-sm break-all text-slate-600">
            {spec.imageRepository} · port {spec.containerPort} · {spec.replicas} replicas{spec.host ? ` · ${spec.host}` : ""}
          </p>
          <AppSummary base={base} status={status} replicas={spec.replicas} />
        </div>
        <div className="flex gap-2">
          <ExportSpecLink team={team} app={name} />
          {!archivedAt && allowed(ctx, updateApp) && (
            <Link href={`${base}/edit`} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm">
              Edit settings
            </Link>
          )}
        </div>
      </div>
      {archivedAt && (
        <ArchivedNotice archivedAt={archivedAt} unarchive={allowed(ctx, archiveApp) ? unarchiveAppAction.bind(null, path) : undefined} />
      )}

      {environments.length > 0 && <AppEnvironments environments={environments} actions={promoteButtons} />}
      <PendingApprovals
        releases={promotions.awaitingApproval}
        approve={mayApprove ? (sequence) => approveReleaseAction.bind(null, { ...path, sequence: String(sequence) }) : undefined}
        reject={mayApprove ? (sequence) => rejectReleaseAction.bind(null, { ...path, sequence: String(sequence) }) : undefined}
      />
      {several && shown && <EnvironmentSwitcher base={base} environments={environments} chosen={shown.name} />}
      {unknownEnvironment && (
        <p role="status" className="rounded-lg border border-amber-200 bg-amber-50 p-3 text-sm">
          This team has no environment named “{query.env}”; showing {shown?.name ?? "the default"}.
        </p>
      )}

      <section aria-labelledby="deploy" className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
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
            key={`live-${shown?.name}`}
            initial={status.live}
            liveUrl={`/api/v1${base}/live${shown ? `?environment=${encodeURIComponent(shown.name)}` : ""}`}
            reapply={
              mayDeploy && (
                <ConfirmForm
                  action={reapplyAction.bind(null, inShown)}
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
            key={`deploy-${shown?.name}`}
            action={deployAction.bind(null, path)}
            imageRepository={spec.imageRepository}
            lastVersion={latest ? versionOf(latest.image) : "latest"}
            previousVersions={previousVersions}
            environments={environments.map((environment) => environment.name)}
            environment={shown?.name}
            environmentHrefs={Object.fromEntries(
              environments.map((e) => [e.name, e.default ? base : `${base}?env=${encodeURIComponent(e.name)}`]),
            )}
            idempotencyKey={randomUUID()}
          />
        ) : archivedAt ? (
          <p className="text-sm text-slate-600">Archived apps cannot be deployed.</p>
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
          <ReleaseHistory
            base={base}
            app={name}
            releases={releases}
            rollback={mayDeploy ? rollbackAction.bind(null, path) : undefined}
            newRollbackKey={randomUUID}
          />
        )}
        <nav aria-label="Release pages" className="flex gap-4 text-sm">
          {before && (
            <Link href={envQuery ? `${base}?${envQuery}` : base} className="text-blue-700 underline">
              Newest
            </Link>
          )}
          {nextBefore && (
            <Link href={`${base}?${envQuery ? `${envQuery}&` : ""}before=${nextBefore}`} className="text-blue-700 underline">
              Older releases
            </Link>
          )}
        </nav>
      </section>

      <section aria-labelledby="running" className="space-y-3">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="running" className="text-lg font-semibold">
            In the cluster{several && shown && <span className="font-normal text-slate-600"> · {shown.name}</span>}
          </h2>
          {deployed && !archivedAt && (allowed(ctx, scaleApp) || allowed(ctx, restartApp)) && (
            <div key={`actions-${shown?.name}`} className="flex flex-wrap items-center gap-4">
              <ScaleForm
                action={scaleAction.bind(null, inShown)}
                replicas={("view" in status ? status.view.deployment?.replicas : undefined) ?? spec.replicas}
                app={name}
              />
              <ConfirmForm
                action={restartAction.bind(null, inShown)}
                trigger="Restart"
                title={`Restart ${name}${several && shown ? ` in ${shown.name}` : ""}?`}
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
          <ClusterPanel view={status.view} />
        )}
      </section>

      <section aria-labelledby="secrets" className="space-y-3">
        <h2 id="secrets" className="text-lg font-semibold">
          Secrets{several && shown ? ` in ${shown.name}` : ""}
        </h2>
        <p className="text-sm text-slate-600">
          Set as environment variables from a Kubernetes Secret. Values are write-only: nobody can read them back here, in the API or in the
          CLI.
        </p>
        <SecretsPanel
          app={name}
          secrets={secrets}
          set={mayWriteSecrets ? setSecretAction.bind(null, inShown) : undefined}
          unset={mayWriteSecrets ? (secret) => unsetSecretAction.bind(null, { ...inShown, name: secret }) : undefined}
          deniedNote={
            archivedAt
              ? undefined
              : `Setting secrets needs the ${ROLE_LABELS[leastRoleFor("secret.write")]} role or above; you are a ${ctx.role ? ROLE_LABELS[ctx.role] : "non-member"}.`
          }
        />
      </section>
      {!("error" in status) && (
        <section aria-labelledby="logs" className="space-y-3">
          <h2 id="logs" className="text-lg font-semibold">
            Logs{several && shown && <span className="font-normal text-slate-600"> · {shown.name}</span>}
          </h2>
          <LogsPanel key={`logs-${shown?.name}`} pods={status.view.pods} logsUrl={`/api/v1${base}/logs`} environment={shown?.name} />
        </section>
      )}

      <section aria-labelledby="app-activity" className="space-y-3">
        <h2 id="app-activity" className="text-lg font-semibold">
          Activity
        </h2>
        <AppActivity events={activityCall.output?.events ?? []} moreHref={`/activity?team=${team}&app=${name}`} />
      </section>
    </div>
  );
}
