/**
 * An audit event as a sentence a person reads ("Dee Deployer deployed api v1.4.2
 * (release #9)") and the page it is about. Pure: the activity table and the app's
 * activity feed render it; unknown actions (older rows, new kinds) fall back to the
 * action name. The raw data stays available on demand.
 */
import type { AuditEventRow } from "./query-audit-events";

export type EventDescription = { text: string; link?: { href: string; label: string } };

type Data = Record<string, unknown>;

/** A field of the event's data in a sentence; one an older or odd row lacks reads "?", not "undefined". */
const shown = (value: unknown) => (value === undefined || value === null ? "?" : String(value));

const versionOf = (image: unknown) => {
  if (typeof image !== "string") return "";
  const at = image.indexOf("@");
  if (at >= 0) return image.slice(at + 1, at + 20);
  const slash = image.lastIndexOf("/");
  const colon = image.lastIndexOf(":");
  return colon > slash ? image.slice(colon + 1) : image;
};

const failed = (data: Data) =>
  data.result === "failed"
    ? ` (failed: ${shown(data.error ?? "unknown error")})`
    : data.result === "started"
      ? " (started; no outcome recorded yet)"
      : "";

const inEnvironment = (data: Data) => (typeof data.environment === "string" ? ` in ${data.environment}` : "");

function sentence(action: string, data: Data, target: AuditEventRow["target"]): string {
  const app = shown(data.app ?? "");
  const release = `${app} ${versionOf(data.image)} (release #${shown(data.sequence)})`;
  switch (action) {
    case "team.create":
      return `created the team ${shown(data.name)}`;
    case "team.provision":
      return data.status === "failed" ? `could not provision the namespace: ${shown(data.error)}` : `provisioned the team's namespace`;
    case "membership.grant":
      return `granted ${shown(data.role).toLowerCase()} to ${shown(data.email)}${data.expiresAt ? ` until ${shown(data.expiresAt)}` : ""}${data.pending ? " (pending first sign-in)" : ""}`;
    case "membership.change":
      return `changed ${shown(data.email)} from ${shown(data.from).toLowerCase()} to ${shown(data.to).toLowerCase()}`;
    case "membership.revoke":
      return `removed ${shown(data.email)} (was ${shown(data.role).toLowerCase()})`;
    case "membership.expire":
      return `ended ${shown(data.email)}'s temporary ${shown(data.role).toLowerCase()} access: expired${data.to ? `, back to ${shown(data.to).toLowerCase()}` : ""}`;
    case "access.request":
      return `asked for ${shown(data.role).toLowerCase()}${typeof data.hours === "number" ? ` for ${data.hours} h` : ""}: ${shown(data.reason)}`;
    case "access.approve":
      return `approved ${shown(data.email)}'s request: ${shown(data.role).toLowerCase()}${data.until ? ` until ${shown(data.until)}` : ""}`;
    case "access.deny":
      return `denied ${shown(data.email)}'s request for ${shown(data.role).toLowerCase()}: ${shown(data.reason)}`;
    case "access.request.expire":
      return `expired ${shown(data.email)}'s unanswered request for ${shown(data.role).toLowerCase()}`;
    case "team.access.settings":
      return `set the longest requested access to ${shown(data.accessMaxHours)} h`;
    case "app.create":
      return `registered ${app}`;
    case "app.update":
      return `changed ${app}'s settings${Array.isArray(data.changed) && data.changed.length ? `: ${data.changed.join(", ")}` : ""}`;
    case "app.archive":
      return `archived ${app}`;
    case "app.unarchive":
      return `unarchived ${app}`;
    case "app.restart":
      return `restarted ${app}${inEnvironment(data)}${failed(data)}`;
    case "app.scale":
      return `scaled ${app}${inEnvironment(data)} from ${shown(data.from)} to ${shown(data.to)}${failed(data)}`;
    case "deploy.request":
      if (data.rollbackOf) return `rolled back ${app}${inEnvironment(data)} to #${shown(data.rollbackOf)}: ${release}`;
      return data.reason
        ? `deployed ${release}${inEnvironment(data)} because the ${shown(data.reason)}`
        : `deployed ${release}${inEnvironment(data)}`;
    case "deploy.promote":
      return `promoted ${app} #${shown(data.fromSequence)} from ${shown(data.from)} to ${shown(data.to)} (release #${shown(data.sequence)}, ${shown(data.digest).slice(0, 19)})${data.awaitingApproval ? ", awaiting approval" : ""}`;
    case "release.approve":
      return `approved ${release}${inEnvironment(data)}${data.requestedBy ? ` requested by ${shown(data.requestedBy)}` : ""}`;
    case "release.reject":
      return `rejected ${release}${inEnvironment(data)}: ${shown(data.reason)}`;
    case "environment.settings":
      return `changed the environment ${shown(data.environment)}: ${data.requiresApproval ? "requires approval" : "no approval needed"}${data.freezeUntil ? `, frozen until ${shown(data.freezeUntil)} (${shown(data.freezeReason ?? "")})` : ", not frozen"}`;
    case "environment.freeze.override":
      return `deployed ${app} (release #${shown(data.sequence)}) into frozen ${shown(data.environment)}, overriding the freeze: ${shown(data.reason)}`;
    case "cluster.register":
      return `registered the cluster ${shown(data.name)} (${shown(data.server)})`;
    case "environment.create":
      return `created the environment ${shown(data.environment)} on cluster ${shown(data.cluster)} (namespace ${shown(data.namespace)})${failed(data)}`;
    case "deploy.succeeded":
      return `'s deploy of ${release} succeeded`;
    case "deploy.failed":
      return `'s deploy of ${release} failed${data.error ? `: ${shown(data.error)}` : ""}`;
    case "token.create":
      return `created the API token ${shown(data.name)}`;
    case "token.revoke":
      return `revoked the API token ${shown(data.name)}`;
    case "kubeconfig.issue":
      return `downloaded a ${shown(data.role)} kubeconfig${failed(data)}`;
    case "kubeconfig.revoke":
      return `lost kubectl access (${shown(data.reason)})${failed(data)}`;
    case "kubectl.write": {
      const object = `${shown(data.resource)}${data.subresource ? `/${shown(data.subresource)}` : ""}${data.name ? ` ${shown(data.name)}` : ""}`;
      return `ran kubectl ${shown(data.verb)} ${object} (HTTP ${shown(data.code)})`;
    }
    case "secret.set":
      return `set ${app}'s secret ${shown(data.name)}${inEnvironment(data)} (v${shown(data.version)})${failed(data)}`;
    case "secret.unset":
      return `removed ${app}'s secret ${shown(data.name)}${inEnvironment(data)} (was v${shown(data.version)})${failed(data)}`;
    case "cli.login.approve":
      return `approved a command-line login (${shown(data.clientName)})`;
    case "webhook.create":
      return `added a webhook to ${shown(data.host)}`;
    case "webhook.update":
      return `changed the webhook to ${shown(data.host)}${Array.isArray(data.changed) && data.changed.length ? `: ${data.changed.join(", ")}` : ""}`;
    case "webhook.delete":
      return `deleted the webhook to ${shown(data.host)}`;
    case "webhook.rotate":
      return `rotated the signing secret of the webhook to ${shown(data.host)}`;
    case "webhook.redeliver":
      return `redelivered ${shown(data.eventType)} (delivery ${shown(data.delivery)}) to ${shown(data.host)}`;
    default:
      return `${action}${target ? ` ${target.type} ${target.id ?? ""}` : ""}`;
  }
}

function linkOf(event: AuditEventRow, data: Data): EventDescription["link"] {
  const team = event.team?.slug;
  if (!team) return undefined;
  const app = typeof data.app === "string" ? data.app : undefined;
  if (app && typeof data.sequence === "number") {
    return { href: `/teams/${team}/apps/${app}/releases/${data.sequence}`, label: `${app} #${data.sequence}` };
  }
  if (app) return { href: `/teams/${team}/apps/${app}`, label: app };
  return { href: `/teams/${team}`, label: event.team!.name };
}

/**
 * A cluster change's intent and outcome as one line: drops each "started" event whose
 * outcome (naming it by `intentId`) is in the same list. An intent left alone is shown:
 * the change may have happened and nothing recorded how it ended.
 */
export function foldClusterIntents<E extends { id: string | bigint; data: unknown }>(events: E[]): E[] {
  const concluded = new Set<string>();
  for (const event of events) {
    const intentId = (event.data as Data | null)?.intentId;
    if (typeof intentId === "string") concluded.add(intentId);
  }
  return events.filter((event) => (event.data as Data | null)?.result !== "started" || !concluded.has(String(event.id)));
}

export function describeAuditEvent(event: AuditEventRow): EventDescription {
  const data = (event.data && typeof event.data === "object" ? event.data : {}) as Data;
  const who = event.actorName ?? event.actorEmail ?? "Slipway";
  const rest = sentence(event.action, data, event.target);
  // Outcomes are attributed to whoever asked for the release: "Dee Deployer's deploy of ...".
  return { text: rest.startsWith("'s ") ? `${who}${rest}` : `${who} ${rest}`, link: linkOf(event, data) };
}
