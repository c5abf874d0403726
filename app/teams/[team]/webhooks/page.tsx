import type { Metadata } from "next";
import Link from "next/link";
import { ActionButton } from "@/components/ui/action-button";
import { ConfirmForm } from "@/components/ui/confirm-form";
import { DataTable } from "@/components/ui/data-table";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { ForbiddenNotice } from "@/components/ui/forbidden-notice";
import { CreateWebhookForm } from "@/components/webhooks/create-webhook-form";
import { EditWebhookForm } from "@/components/webhooks/edit-webhook-form";
import { RotateSecretForm } from "@/components/webhooks/rotate-secret-form";
import { pageCall } from "@/lib/adapters/page-call";
import { WEBHOOK_EVENTS, WEBHOOK_EVENT_TYPES } from "@/lib/audit/webhook-events";
import { allowedWebhookHosts } from "@/lib/webhooks/allowed-hosts";
import { listWebhookDeliveries } from "@/lib/webhooks/list-webhook-deliveries";
import { listWebhooks } from "@/lib/webhooks/list-webhooks";
import {
  createWebhookAction,
  deleteWebhookAction,
  redeliverWebhookAction,
  rotateWebhookSecretAction,
  updateWebhookAction,
} from "./webhook-actions";

export const metadata: Metadata = { title: "Webhooks" };

const EVENT_TYPES = WEBHOOK_EVENT_TYPES.map((type) => ({ type, label: WEBHOOK_EVENTS[type] }));
const PAGE = 10;
const time = (date: Date | null) => (date ? date.toISOString().slice(0, 19).replace("T", " ") : "—");

const STATUS_STYLE = {
  DELIVERED: "bg-green-100 text-green-800",
  PENDING: "bg-amber-100 text-amber-800",
  FAILED: "bg-red-100 text-red-800",
} as const;

export default async function WebhooksPage(props: {
  params: Promise<{ team: string }>;
  searchParams: Promise<{ hook?: string; before?: string }>;
}) {
  const { team } = await props.params;
  const { hook: pagedHook, before } = await props.searchParams;
  const access = await pageCall(listWebhooks, { team });
  if (access.forbidden !== undefined) return <ForbiddenNotice title="You cannot manage this team's webhooks" reason={access.forbidden} />;
  const { ctx, output } = access;
  const logs = await Promise.all(
    output.webhooks.map((webhook) =>
      pageCall(
        listWebhookDeliveries,
        { team, webhookId: webhook.id },
        { limit: PAGE, ...(pagedHook === webhook.id && before ? { before } : {}) },
      ),
    ),
  );
  return (
    <div className="space-y-8">
      <div className="space-y-1">
        <p className="text-sm">
          <Link href={`/teams/${ctx.team.slug}`} className="text-blue-700 underline underline-offset-2">
            {ctx.team.name}
          </Link>
        </p>
        <h1 className="text-2xl font-semibold">Webhooks</h1>
        <p className="text-slate-600">
          Slipway POSTs the events you choose to each URL, signed with the webhook&apos;s secret, and retries failures for about an hour and
          a quarter (10 s, 30 s, 2 min, 10 min, 1 h).
        </p>
      </div>

      <CreateWebhookForm action={createWebhookAction.bind(null, { team })} eventTypes={EVENT_TYPES} allowedHosts={allowedWebhookHosts()} />

      {output.webhooks.length === 0 && <p className="text-slate-600">No webhooks yet.</p>}
      {output.webhooks.map((webhook, index) => {
        const log = logs[index]!.output;
        const params = { team, webhookId: webhook.id };
        return (
          <section
            key={webhook.id}
            aria-labelledby={`hook-${webhook.id}`}
            className="space-y-3 rounded-lg border border-slate-200 bg-white p-6"
            data-testid="webhook"
          >
            <div className="flex flex-wrap items-start justify-between gap-3">
              <div>
                <h2 id={`hook-${webhook.id}`} className="font-mono text-sm font-semibold break-all">
                  {webhook.url}
                </h2>
                <p className="text-xs text-slate-600">
                  {webhook.format === "SLACK" ? "Slack-compatible" : "Slipway JSON"} · {webhook.active ? "active" : "inactive"} ·{" "}
                  {webhook.events.map((event) => WEBHOOK_EVENTS[event as keyof typeof WEBHOOK_EVENTS] ?? event).join(", ")}
                </p>
              </div>
              <div className="flex flex-wrap items-start gap-2">
                <RotateSecretForm action={rotateWebhookSecretAction.bind(null, params)} webhookId={webhook.id} />
                <ConfirmForm
                  action={deleteWebhookAction.bind(null, params)}
                  trigger="Delete"
                  title="Delete this webhook?"
                  description="It stops receiving events at once, and its delivery log is deleted with it."
                  confirmLabel="Delete webhook"
                />
              </div>
            </div>
            <EditWebhookForm action={updateWebhookAction.bind(null, params)} webhook={webhook} eventTypes={EVENT_TYPES} />
            <h3 className="text-sm font-semibold">Deliveries</h3>
            {!log || log.deliveries.length === 0 ? (
              <p className="text-sm text-slate-600">None yet.</p>
            ) : (
              <ScrollRegion label={`Deliveries to ${webhook.url}, table`}>
                <DataTable
                  dense
                  label={`Deliveries to ${webhook.url}`}
                  columns={["#", "Event", "Status", "Response", "Last attempt", { label: "Actions", hidden: true }]}
                >
                  {log.deliveries.map((delivery) => (
                    <tr key={delivery.id.toString()} className="border-t border-slate-100 align-top" data-testid="delivery">
                      <td className="px-3 py-2 font-mono text-xs">{delivery.id.toString()}</td>
                      <td className="px-3 py-2">{delivery.eventType}</td>
                      <td className="px-3 py-2">
                        <span className={`rounded px-1.5 py-0.5 text-xs ${STATUS_STYLE[delivery.status]}`} data-testid="delivery-status">
                          {delivery.status.toLowerCase()}
                        </span>
                        <div className="text-xs text-slate-500">
                          {delivery.attempts} attempt{delivery.attempts === 1 ? "" : "s"}
                          {delivery.status === "PENDING" && delivery.attempts > 0 && <> · next {time(delivery.nextAttemptAt)}</>}
                        </div>
                      </td>
                      <td className="px-3 py-2">
                        <span data-testid="delivery-response">{delivery.responseStatus ?? "—"}</span>
                        {delivery.durationMs !== null && <span className="text-xs text-slate-500"> in {delivery.durationMs} ms</span>}
                        {(delivery.error || delivery.responseBody) && (
                          <div
                            className="max-w-xs truncate font-mono text-xs text-slate-500"
                            title={delivery.error ?? delivery.responseBody ?? ""}
                          >
                            {delivery.error ?? delivery.responseBody}
                          </div>
                        )}
                      </td>
                      <td className="px-3 py-2 text-xs">{time(delivery.lastAttemptAt)}</td>
                      <td className="px-3 py-2">
                        {delivery.status !== "PENDING" && (
                          <ActionButton
                            action={redeliverWebhookAction.bind(null, { ...params, deliveryId: delivery.id.toString() })}
                            label="Redeliver"
                            pendingLabel="Queuing…"
                          />
                        )}
                      </td>
                    </tr>
                  ))}
                </DataTable>
              </ScrollRegion>
            )}
            <nav aria-label="Delivery pages" className="flex gap-3 text-sm">
              {pagedHook === webhook.id && before && (
                <Link href={`/teams/${team}/webhooks`} className="text-blue-700 underline underline-offset-2">
                  Newest
                </Link>
              )}
              {log?.nextBefore && (
                <Link
                  href={`/teams/${team}/webhooks?hook=${webhook.id}&before=${log.nextBefore}`}
                  className="text-blue-700 underline underline-offset-2"
                >
                  Older deliveries
                </Link>
              )}
            </nav>
          </section>
        );
      })}
    </div>
  );
}
