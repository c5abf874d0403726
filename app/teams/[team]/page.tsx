import type { Metadata } from "next";
import { DataTable } from "@/components/ui/data-table";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { GrantAccessForm } from "@/components/teams/grant-access-form";
import { MemberActions } from "@/components/teams/member-actions";
import Link from "next/link";
import { ArchivedApps } from "@/components/apps/archived-apps";
import { AppCards } from "@/components/apps/app-cards";
import { ReprovisionForm } from "@/components/teams/reprovision-form";
import { ForbiddenNotice } from "@/components/ui/forbidden-notice";
import { allowed, pageCall } from "@/lib/adapters/page-call";
import { cardLiveOf } from "@/lib/apps/app-live.types";
import { versionOf } from "@/lib/apps/app-spec.types";
import { archiveApp } from "@/lib/apps/archive-app";
import { createApp } from "@/lib/apps/create-app";
import { listApps } from "@/lib/apps/list-apps";
import { listAppsLive } from "@/lib/apps/list-apps-live";
import { ROLE_LABELS } from "@/lib/authz/permissions";
import { addMember } from "@/lib/members/add-member";
import { AccessSettingsForm } from "@/components/access/access-settings-form";
import { getAccessSettings } from "@/lib/access/get-access-settings";
import { listAccessRequests } from "@/lib/access/list-access-requests";
import { listMembers } from "@/lib/members/list-members";
import { getTeam } from "@/lib/teams/get-team";
import { listWebhooks } from "@/lib/webhooks/list-webhooks";
import { createEnvironment } from "@/lib/teams/create-environment";
import { listEnvironments } from "@/lib/environments/list-environments";
import { CreateEnvironmentForm } from "@/components/teams/create-environment-form";
import { createEnvironmentAction, updateEnvironmentAction } from "./environment-actions";
import { EnvironmentSettingsForm } from "@/components/teams/environment-settings-form";
import { updateEnvironment } from "@/lib/environments/update-environment";
import { reprovisionTeamAction } from "../team-actions";
import { setAccessSettingsAction } from "./access-actions";
import { unarchiveAppAction } from "./apps/app-actions";
import { addMemberAction, changeMemberRoleAction, removeMemberAction } from "./member-actions";

export async function generateMetadata({ params }: { params: Promise<{ team: string }> }): Promise<Metadata> {
  return { title: (await params).team };
}

/** Apps per page: a team of 500 apps was a 535 KB page. */
const APPS_PER_PAGE = 50;
/** How long the list waits for health and drift before it streams them. */
const LIVE_INLINE_MS = 200;

/** The promise's value if it settles within `ms`, else undefined (a rejection too: its readers get it). */
async function settledWithin<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => (timer = setTimeout(resolve, ms, undefined)));
  try {
    return await Promise.race([promise.catch(() => undefined), late]);
  } finally {
    clearTimeout(timer);
  }
}

export default async function TeamPage({
  params,
  searchParams,
}: {
  params: Promise<{ team: string }>;
  searchParams: Promise<{ after?: string }>;
}) {
  const { team: slug } = await params;
  const after = (await searchParams).after || undefined;
  const access = await pageCall(getTeam, { team: slug });
  if (access.forbidden !== undefined) {
    return (
      <ForbiddenNotice
        title="You cannot see this team"
        reason={access.forbidden}
        requestHref={`/teams/${encodeURIComponent(slug)}/request-access`}
      />
    );
  }
  const { ctx } = access;
  const mayApprove = allowed(ctx, listAccessRequests);
  const page = { after, limit: APPS_PER_PAGE };
  // What the cards show of each app's health and drift, by name.
  const live = pageCall(listAppsLive, { team: slug }, page).then((call) =>
    Object.fromEntries((call.output?.apps ?? []).map(({ name, live }) => [name, cardLiveOf(live)])),
  );
  live.catch(() => undefined); // its readers get the error; no app on the page means no reader
  const [membersCall, appsCall, archivedCall, environmentsCall, requestsCall, settingsCall] = await Promise.all([
    pageCall(listMembers, { team: slug }),
    pageCall(listApps, { team: slug }, page),
    pageCall(listApps, { team: slug }, { archived: true, limit: APPS_PER_PAGE }),
    pageCall(listEnvironments, { team: slug }),
    mayApprove ? pageCall(listAccessRequests, { team: slug }) : undefined,
    mayApprove ? pageCall(getAccessSettings, { team: slug }) : undefined,
  ]);
  // Health and drift come with the list when the namespace's cache answers in time (warm,
  // it is a read in memory and one query); else each card's badges stream in after the
  // list, in a Suspense boundary (a cold cache waits up to 5 s for the cluster). Streamed,
  // 50 cards were 50 more chunks and scripts: 10% of the page's CPU.
  const liveNow = await settledWithin(live, LIVE_INLINE_MS);
  const environments = environmentsCall.output?.environments ?? [];
  const pendingRequests = requestsCall?.output?.requests.length ?? 0;
  const members = membersCall.output?.members ?? [];
  const apps = appsCall.output?.apps ?? [];
  const nextAfter = appsCall.output?.nextAfter ?? null;
  const leads = access.output.leads;
  const mayGrant = allowed(ctx, addMember);
  const mayCreate = allowed(ctx, createApp);
  return (
    <div className="space-y-8">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold">{ctx.team.name}</h1>
        <p className="text-sm text-slate-600">
          Namespace <span className="font-mono">{ctx.team.namespace}</span> · Your role:{" "}
          <strong data-testid="my-role">{ctx.role ? ROLE_LABELS[ctx.role] : "platform admin"}</strong> ·{" "}
          <Link href={`/activity?team=${encodeURIComponent(ctx.team.slug)}`} className="text-blue-700 underline underline-offset-2">
            Activity
          </Link>
          {allowed(ctx, listWebhooks) && (
            <>
              {" · "}
              <Link href={`/teams/${ctx.team.slug}/webhooks`} className="text-blue-700 underline underline-offset-2">
                Webhooks
              </Link>
            </>
          )}
        </p>
      </div>

      <section aria-labelledby="team-environments" className="space-y-3">
        <h2 id="team-environments" className="text-lg font-semibold">
          Environments
        </h2>
        <ul className="flex flex-wrap gap-2 text-sm">
          {environments.map((environment) => (
            <li key={environment.name} className="rounded-md border border-slate-200 bg-white px-3 py-1.5">
              <strong>{environment.name}</strong>
              {environment.default && " (default)"} ·{" "}
              <span className="font-mono text-xs">
                {environment.cluster}/{environment.namespace}
              </span>
              {environment.freezeUntil && <span className="ml-2 text-xs text-sky-800">frozen</span>}
              {environment.requiresApproval && <span className="ml-2 text-xs text-slate-600">approval required</span>}
              {allowed(ctx, updateEnvironment) && (
                <details className="mt-1">
                  <summary className="cursor-pointer text-xs text-blue-700">Approval and freeze</summary>
                  <EnvironmentSettingsForm
                    action={updateEnvironmentAction.bind(null, { team: ctx.team.slug, environment: environment.name })}
                    environment={environment.name}
                    requiresApproval={environment.requiresApproval ?? false}
                    freezeUntil={environment.freezeUntil ?? null}
                    freezeReason={environment.freezeReason ?? null}
                  />
                </details>
              )}
            </li>
          ))}
        </ul>
        {allowed(ctx, createEnvironment) && (
          <CreateEnvironmentForm
            action={createEnvironmentAction.bind(null, { team: ctx.team.slug })}
            team={ctx.team.slug}
            clusters={environmentsCall.output?.clusters ?? ["default"]}
          />
        )}
      </section>

      {ctx.actor.isPlatformAdmin && <ReprovisionForm action={reprovisionTeamAction.bind(null, { team: ctx.team.slug })} />}

      <section aria-labelledby="apps" className="space-y-3">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="apps" className="text-lg font-semibold">
            Apps
          </h2>
          <div className="flex gap-2">
            <form method="post" action={`/api/v1/teams/${ctx.team.slug}/kubeconfig`}>
              <button
                type="submit"
                className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm"
                title="A kubeconfig for your role in this namespace; kubectl gets fresh tokens from the slipway CLI"
              >
                Download kubeconfig
              </button>
            </form>
            <form method="post" action={`/api/v1/teams/${ctx.team.slug}/kubeconfig?format=static`}>
              <button
                type="submit"
                className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm"
                title="For machines without the slipway CLI: a kubeconfig holding a one-hour token"
              >
                Static kubeconfig (1 h)
              </button>
            </form>
            {mayCreate && (
              <Link
                href={`/teams/${ctx.team.slug}/apps/import`}
                className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm"
              >
                Import YAML
              </Link>
            )}
            {mayCreate && (
              <Link href={`/teams/${ctx.team.slug}/apps/new`} className="rounded-md bg-slate-900 px-3 py-1.5 text-sm text-white">
                Register an app
              </Link>
            )}
          </div>
        </div>
        {!mayCreate && (
          <p className="text-sm text-slate-600">
            Registering and deploying apps needs the Deployer role or above{leads.length > 0 ? `; ask a lead: ${leads.join(", ")}` : ""}.
          </p>
        )}
        {apps.length === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-300 p-4 text-slate-600">No apps yet.</p>
        ) : (
          <AppCards
            team={ctx.team.slug}
            apps={apps.map((app) => {
              const last = app.releases[0];
              return {
                id: app.id,
                name: app.name,
                status: last?.status ?? null,
                summary: last ? `#${last.sequence} ${versionOf(last.image)}` : app.imageRepository,
              };
            })}
            live={liveNow ?? live}
          />
        )}
        {(after || nextAfter) && (
          <nav aria-label="App pages" className="flex gap-4 text-sm">
            {after && (
              <Link href={`/teams/${ctx.team.slug}`} className="text-blue-700 underline">
                First apps
              </Link>
            )}
            {nextAfter && (
              <Link href={`/teams/${ctx.team.slug}?after=${encodeURIComponent(nextAfter)}`} className="text-blue-700 underline">
                Next apps
              </Link>
            )}
          </nav>
        )}
        <ArchivedApps
          team={ctx.team.slug}
          apps={archivedCall.output?.apps ?? []}
          more={(archivedCall.output?.nextAfter ?? null) !== null}
          unarchive={allowed(ctx, archiveApp) ? (app) => unarchiveAppAction.bind(null, { team: ctx.team.slug, app }) : undefined}
        />
      </section>

      <section aria-labelledby="members" className="space-y-3">
        <h2 id="members" className="text-lg font-semibold">
          Members
        </h2>
        <ScrollRegion label="Members table">
          <DataTable columns={["Person", "Role", "Granted", ...(mayGrant ? ["Change"] : [])]}>
            {members.map((member) => (
              <tr key={member.userId} className="border-t border-slate-100 align-top" data-testid={`member-${member.email}`}>
                <td className="px-4 py-2">
                  <div className="font-medium">{member.name ?? member.email}</div>
                  <div className="text-xs text-slate-500">
                    {member.email}
                    {member.pending && (
                      <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-amber-800">pending first sign-in</span>
                    )}
                  </div>
                  {member.expiresAt && (
                    <div className="text-xs text-slate-600" data-testid="temporary-access">
                      <span className="rounded bg-sky-100 px-1.5 py-0.5 text-sky-900">temporary</span>, until{" "}
                      <time dateTime={member.expiresAt.toISOString()}>
                        {member.expiresAt.toISOString().slice(0, 16).replace("T", " ")} UTC
                      </time>
                      {member.expiresTo ? `, then ${ROLE_LABELS[member.expiresTo]}` : ""}
                    </div>
                  )}
                </td>
                <td className="px-4 py-2">{ROLE_LABELS[member.role]}</td>
                <td className="px-4 py-2 text-xs text-slate-500">
                  <time dateTime={member.grantedAt.toISOString()}>{member.grantedAt.toISOString().slice(0, 10)}</time>
                  {member.grantedBy && <> by {member.grantedBy}</>}
                </td>
                {mayGrant && (
                  <td className="px-4 py-2">
                    <MemberActions
                      member={{ userId: member.userId, email: member.email, role: member.role }}
                      changeRole={changeMemberRoleAction.bind(null, { team: ctx.team.slug, userId: member.userId })}
                      remove={removeMemberAction.bind(null, { team: ctx.team.slug, userId: member.userId })}
                    />
                  </td>
                )}
              </tr>
            ))}
          </DataTable>
        </ScrollRegion>
      </section>

      {mayGrant ? (
        <GrantAccessForm action={addMemberAction.bind(null, { team: ctx.team.slug })} />
      ) : (
        <p data-testid="grant-denied" className="rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-600">
          Only leads can grant or change access to {ctx.team.name}.
          {leads.length > 0 ? ` Ask a lead: ${leads.join(", ")}.` : " This team has no lead yet; ask a platform admin."}{" "}
          <Link href={`/teams/${ctx.team.slug}/request-access`} className="text-blue-700 underline underline-offset-2">
            Request a different role
          </Link>
        </p>
      )}

      {mayApprove && (
        <section aria-labelledby="access-requests" className="max-w-xl space-y-3 rounded-lg border border-slate-200 bg-white p-6">
          <h2 id="access-requests" className="text-lg font-semibold">
            Access requests
          </h2>
          <p className="text-sm">
            <Link href={`/teams/${ctx.team.slug}/access-requests`} className="text-blue-700 underline underline-offset-2">
              {pendingRequests === 0 ? "No pending requests" : `${pendingRequests} pending request${pendingRequests === 1 ? "" : "s"}`}
            </Link>
          </p>
          {settingsCall?.output && mayGrant && (
            <AccessSettingsForm
              action={setAccessSettingsAction.bind(null, { team: ctx.team.slug })}
              accessMaxHours={settingsCall.output.accessMaxHours}
            />
          )}
        </section>
      )}
    </div>
  );
}
