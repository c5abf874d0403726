/**
 * K8sError: what went wrong talking to the cluster, in words a person understands.
 *
 * It is an AppError, so it reaches the HTTP layer with a sensible code: a cluster
 * 403 stays FORBIDDEN (the second wall refused), but a cluster 401 is our own
 * credential's fault, so it becomes CLUSTER_ERROR rather than asking the person
 * to sign in again. `clusterStatus` keeps the API server's own HTTP status.
 */
import { ApiException } from "@kubernetes/client-node";
import { AppError, type ErrorCode } from "@/lib/errors";

/** What the failed call was doing; every field optional, all end up in the message. */
export type K8sCallContext = {
  verb?: string;
  kind?: string;
  name?: string;
  namespace?: string;
  cluster?: string;
};

export type K8sErrorReason =
  | "Unauthorized"
  | "Forbidden"
  | "NotFound"
  | "AlreadyExists"
  | "Conflict"
  | "Invalid"
  | "Timeout"
  | "Unreachable"
  | "Aborted"
  | (string & {});

/**
 * The brand that marks a K8sError. Next.js may bundle this module more than once (one
 * copy per server bundle), so `instanceof K8sError` can be false for a real one;
 * Symbol.for is one registry per process, shared by every copy.
 */
const K8S_ERROR = Symbol.for("slipway.K8sError");

export class K8sError extends AppError {
  readonly [K8S_ERROR] = true;
  /** The API server's HTTP status; undefined when no answer came back. */
  readonly clusterStatus: number | undefined;
  readonly reason: K8sErrorReason;
  readonly namespace: string | undefined;
  readonly cluster: string | undefined;
  /** The API server's own message (Status.message), for logs and details views. */
  readonly serverMessage: string | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    details: {
      clusterStatus?: number;
      reason: K8sErrorReason;
      namespace?: string;
      cluster?: string;
      serverMessage?: string;
      cause?: unknown;
    },
  ) {
    super(code, message, { cause: details.cause });
    this.name = "K8sError";
    this.clusterStatus = details.clusterStatus;
    this.reason = details.reason;
    this.namespace = details.namespace;
    this.cluster = details.cluster;
    this.serverMessage = details.serverMessage;
  }
}

/** Whether `e` is a K8sError, from any copy of this module (see K8S_ERROR). */
export function isK8sError(e: unknown): e is K8sError {
  return typeof e === "object" && e !== null && (e as { [K8S_ERROR]?: unknown })[K8S_ERROR] === true;
}

/** The API server answered `status` (404 for a missing object, say). */
export function hasClusterStatus(e: unknown, status: number): boolean {
  return isK8sError(e) && e.clusterStatus === status;
}

/**
 * Worth trying again: no answer (unreachable, timed out), or the API server said it is
 * overloaded or failing for now (429, 5xx). Refusals (401/403), missing objects and
 * invalid requests are answers, not transient trouble.
 */
export function isTransientK8sError(e: unknown): boolean {
  if (!isK8sError(e)) return false;
  if (e.reason === "Aborted") return false;
  if (e.clusterStatus === undefined) return e.reason === "Unreachable" || e.reason === "Timeout";
  return e.clusterStatus === 429 || e.clusterStatus >= 500;
}

const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: "INVALID_INPUT",
  401: "CLUSTER_ERROR",
  403: "FORBIDDEN",
  404: "NOT_FOUND",
  409: "CONFLICT",
  422: "INVALID_INPUT",
  429: "UNAVAILABLE",
  503: "UNAVAILABLE",
  504: "UNAVAILABLE",
};

const REASON_BY_STATUS: Record<number, K8sErrorReason> = {
  401: "Unauthorized",
  403: "Forbidden",
  404: "NotFound",
  409: "Conflict",
  422: "Invalid",
};

function describeTarget(c: K8sCallContext): string {
  const what = [c.kind, c.name ? `"${c.name}"` : undefined].filter(Boolean).join(" ");
  const where = c.namespace ? ` in namespace "${c.namespace}"` : "";
  return `${c.verb ?? "access"} ${what || "the resource"}${where}`.replace(/\s+/g, " ");
}

/** The body of a failed call is a Kubernetes Status object as JSON text (or nothing, for 401). */
function parseStatusBody(body: unknown): { reason?: string; message?: string } {
  let value = body;
  if (typeof body === "string") {
    try {
      value = JSON.parse(body);
    } catch {
      return { message: body.slice(0, 500) || undefined };
    }
  }
  if (value && typeof value === "object") {
    const status = value as { reason?: unknown; message?: unknown };
    return {
      reason: typeof status.reason === "string" && status.reason ? status.reason : undefined,
      message: typeof status.message === "string" ? status.message : undefined,
    };
  }
  return {};
}

/** Errors from node-fetch and node:net carry a `code` such as ECONNREFUSED. */
function networkCode(e: unknown): string | undefined {
  if (!e || typeof e !== "object") return undefined;
  const err = e as { code?: unknown; errno?: unknown; cause?: unknown };
  if (typeof err.code === "string") return err.code;
  if (typeof err.errno === "string") return err.errno;
  return err.cause ? networkCode(err.cause) : undefined;
}

function isAbort(e: unknown): boolean {
  return !!e && typeof e === "object" && ["AbortError", "TimeoutError"].includes((e as Error).name);
}

/** An answer (or its absence) from the API server, turned into one K8sError. */
export function k8sErrorFromStatus(status: number, body: unknown, context: K8sCallContext, cause?: unknown): K8sError {
  const parsed = parseStatusBody(body);
  const reason = parsed.reason ?? REASON_BY_STATUS[status] ?? `HTTP${status}`;
  const target = describeTarget(context);
  const explain: Record<number, string> = {
    401: `The cluster did not accept Slipway's credentials while trying to ${target}.`,
    403: `The cluster refused to let this identity ${target}.`,
    404: `Not found: could not ${target}.`,
    409: `Conflict while trying to ${target}; someone else changed it, try again.`,
    422: `The cluster rejected the request to ${target} as invalid.`,
  };
  const head = explain[status] ?? `The cluster answered ${status} while trying to ${target}.`;
  const message = parsed.message ? `${head} (${parsed.message})` : head;
  return new K8sError(CODE_BY_STATUS[status] ?? "CLUSTER_ERROR", message, {
    clusterStatus: status,
    reason,
    namespace: context.namespace,
    cluster: context.cluster,
    serverMessage: parsed.message,
    cause,
  });
}

/** Any failure of a cluster call, as a K8sError. A K8sError passes through unchanged. */
export function toK8sError(e: unknown, context: K8sCallContext = {}): K8sError {
  if (isK8sError(e)) return e;
  if (e instanceof ApiException) return k8sErrorFromStatus(e.code, e.body, context, e);
  const where = context.cluster ? ` at ${context.cluster}` : "";
  const details = { namespace: context.namespace, cluster: context.cluster, cause: e };
  if (isAbort(e)) {
    return new K8sError("UNAVAILABLE", `The cluster${where} did not answer in time while trying to ${describeTarget(context)}.`, {
      ...details,
      reason: "Timeout",
    });
  }
  const code = networkCode(e);
  if (code && /^(E[A-Z]+|UND_ERR_[A-Z_]+)$/.test(code)) {
    return new K8sError("UNAVAILABLE", `Could not reach the cluster${where} (${code}) while trying to ${describeTarget(context)}.`, {
      ...details,
      reason: "Unreachable",
    });
  }
  if (code) {
    // TLS verification failures (e.g. SELF_SIGNED_CERT_IN_CHAIN) mean a wrong CA, not a down server.
    return new K8sError("CLUSTER_ERROR", `Could not talk securely to the cluster${where} (${code}).`, {
      ...details,
      reason: "TLS",
    });
  }
  const text = e instanceof Error ? e.message : String(e);
  return new K8sError("CLUSTER_ERROR", `Cluster call failed while trying to ${describeTarget(context)}: ${text}`, {
    ...details,
    reason: "Unknown",
  });
}
