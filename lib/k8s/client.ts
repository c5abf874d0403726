/**
 * The one client factory. Two kinds of identity talk to the cluster:
 * - PlatformClient: Slipway's own credential (a kubeconfig, or the in-cluster
 *   ServiceAccount), used only to provision teams and mint their tokens;
 * - TeamClient: a short-lived team ServiceAccount token, used for everything else.
 *
 * Every request carries an AbortSignal with a timeout, and every failure becomes a
 * K8sError (see call()). The API objects below are for lib/k8s only.
 */
import * as https from "node:https";
import {
  AdmissionregistrationV1Api,
  AppsV1Api,
  AuthorizationV1Api,
  CoreV1Api,
  KubeConfig,
  NetworkingV1Api,
  RbacAuthorizationV1Api,
  ServerConfiguration,
  VersionApi,
  createConfiguration,
  type Cluster,
  type RequestContext,
  type ResponseContext,
} from "@kubernetes/client-node";
import { AppError } from "@/lib/errors";
import { K8sError, toK8sError, type K8sCallContext } from "./errors";
import { metrics } from "@/lib/observability/metrics";

export const DEFAULT_TIMEOUT_MS = 10_000;

export type TeamRole = "deployer" | "viewer";

/** Where a bearer token comes from; `invalidate` lets a 401 force a fresh one. */
export type TokenSource = {
  get(): Promise<string>;
  invalidate?(): void;
};

type ClientOptions = { timeoutMs?: number; tokenSource?: TokenSource; agent?: AgentSource };

type AgentSource = () => Promise<https.Agent | undefined>;

/**
 * One kept-alive TLS agent per credential: the client library would otherwise create
 * an agent, so a new TLS connection, for every request. Undefined when the cluster goes
 * through a proxy (the library's proxy agent is kept then).
 */
function keptAliveAgent(kc: KubeConfig): AgentSource {
  let agent: Promise<https.Agent | undefined> | undefined;
  return () =>
    (agent ??= (async () => {
      if (kc.getCurrentCluster()?.proxyUrl) return undefined;
      const options: https.RequestOptions = {};
      await kc.applyToHTTPSOptions(options);
      const { ca, cert, key, pfx, passphrase, rejectUnauthorized, servername } = options;
      return new https.Agent({ ca, cert, key, pfx, passphrase, rejectUnauthorized, servername, keepAlive: true, scheduling: "lifo" });
    })());
}

// Team clients carry their bearer token in a header, so every team client made from one
// platform client shares that cluster's CA-only agent.
const bearerAgents = new WeakMap<KubeClient, AgentSource>();

export class KubeClient {
  readonly server: string;
  readonly timeoutMs: number;
  readonly core: CoreV1Api;
  readonly apps: AppsV1Api;
  readonly networking: NetworkingV1Api;
  readonly rbac: RbacAuthorizationV1Api;
  readonly version: VersionApi;
  readonly authorization: AuthorizationV1Api;
  readonly admission: AdmissionregistrationV1Api;
  /** The cluster entry (server, CA), so token clients can reuse it. */
  readonly clusterEntry: Cluster;
  private readonly kc: KubeConfig;
  private readonly tokenSource: TokenSource | undefined;
  private readonly agent: AgentSource;

  constructor(kc: KubeConfig, options: ClientOptions = {}) {
    const cluster = kc.getCurrentCluster();
    if (!cluster) throw new AppError("CLUSTER_ERROR", "The kubeconfig has no current cluster.");
    this.kc = kc;
    this.clusterEntry = cluster;
    this.server = cluster.server;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.tokenSource = options.tokenSource;
    this.agent = options.agent ?? keptAliveAgent(kc);

    const timeoutMs = this.timeoutMs;
    const tokenSource = this.tokenSource;
    const agent = this.agent;
    const config = createConfiguration({
      baseServer: new ServerConfiguration(cluster.server, {}),
      authMethods: {
        default: {
          getName: () => "slipway",
          async applySecurityAuthentication(context: RequestContext) {
            // The kubeconfig sets the TLS agent (CA) and its own credentials...
            await kc.applySecurityAuthentication(context);
            const shared = await agent();
            if (shared) context.setAgent(shared);
            // ...which a team token, when there is one, replaces.
            if (tokenSource) context.setHeaderParam("Authorization", `Bearer ${await tokenSource.get()}`);
          },
        },
      },
      promiseMiddleware: [
        {
          // node-fetch honours the signal while connecting, waiting and reading the body.
          pre: async (context: RequestContext) => {
            context.setSignal(AbortSignal.timeout(timeoutMs));
            return context;
          },
          post: async (context: ResponseContext) => context,
        },
      ],
    });
    this.core = new CoreV1Api(config);
    this.apps = new AppsV1Api(config);
    this.networking = new NetworkingV1Api(config);
    this.rbac = new RbacAuthorizationV1Api(config);
    this.version = new VersionApi(config);
    this.authorization = new AuthorizationV1Api(config);
    this.admission = new AdmissionregistrationV1Api(config);
  }

  /**
   * Runs one cluster operation and turns any failure into a K8sError. A 401 with
   * a refreshable token (a cached one that was revoked) is retried once with a
   * fresh token; a second failure surfaces.
   */
  async call<T>(context: K8sCallContext, operation: () => Promise<T>): Promise<T> {
    const withCluster = { cluster: this.server, ...context };
    const started = performance.now();
    const observe = (result: string) =>
      metrics.kubeCalls.observe({ verb: context.verb ?? "call", kind: context.kind ?? "", result }, (performance.now() - started) / 1000);
    try {
      const value = await operation();
      observe("ok");
      return value;
    } catch (e) {
      const error = toK8sError(e, withCluster);
      if (error.clusterStatus !== 401 || !this.tokenSource?.invalidate) {
        observe(String(error.clusterStatus ?? error.reason));
        throw error;
      }
      this.tokenSource.invalidate();
      try {
        const value = await operation();
        observe("ok");
        return value;
      } catch (again) {
        const failure = toK8sError(again, withCluster);
        observe(String(failure.clusterStatus ?? failure.reason));
        throw failure;
      }
    }
  }

  /** A KubeConfig carrying this client's current credentials, for the library's streaming helpers (Log). */
  async kubeConfigWithCredentials(): Promise<KubeConfig> {
    if (!this.tokenSource) return this.kc;
    const token = await this.tokenSource.get();
    const kc = new KubeConfig();
    kc.loadFromOptions({
      clusters: [{ ...this.clusterEntry, name: "cluster" }],
      users: [{ name: "token", token }],
      contexts: [{ name: "token", cluster: "cluster", user: "token" }],
      currentContext: "token",
    });
    return kc;
  }

  /** TLS agent and headers for raw requests (the rollout watch). */
  async requestOptions(): Promise<https.RequestOptions> {
    const options: https.RequestOptions = {};
    await this.kc.applyToHTTPSOptions(options);
    const shared = await this.agent();
    if (shared) options.agent = shared;
    if (this.tokenSource) {
      options.headers = { ...options.headers, Authorization: `Bearer ${await this.tokenSource.get()}` };
    }
    return options;
  }
}

/** Slipway's own identity. Only provisioning and token minting take this type. */
export class PlatformClient extends KubeClient {
  readonly kind = "platform";
}

/** A team ServiceAccount's identity, limited by RBAC to one namespace. */
export class TeamClient extends KubeClient {
  readonly kind = "team";
  constructor(
    kc: KubeConfig,
    readonly namespace: string,
    readonly role: TeamRole | undefined,
    options: ClientOptions,
  ) {
    super(kc, options);
  }
}

/**
 * The platform credential: a kubeconfig file when a path is given, otherwise the
 * in-cluster ServiceAccount. Without either there is no cluster to talk to.
 */
export function loadPlatformClient(options: { kubeconfig?: string; context?: string; timeoutMs?: number } = {}) {
  const kc = new KubeConfig();
  if (options.kubeconfig) {
    try {
      kc.loadFromFile(options.kubeconfig);
    } catch (e) {
      throw new K8sError("CLUSTER_ERROR", `Could not read the kubeconfig ${options.kubeconfig}.`, {
        reason: "NotConfigured",
        cause: e,
      });
    }
    if (options.context) kc.setCurrentContext(options.context);
  } else if (process.env.KUBERNETES_SERVICE_HOST) {
    kc.loadFromCluster();
  } else {
    throw new K8sError("UNAVAILABLE", "No cluster configured: give a kubeconfig path or run inside the cluster.", {
      reason: "NotConfigured",
    });
  }
  return new PlatformClient(kc, { timeoutMs: options.timeoutMs });
}

/**
 * The platform credential of a registered cluster: its API server, CA (PEM or base64
 * of PEM; none: the system's trusted CAs) and a bearer token.
 */
export function platformClientForServer(options: {
  name: string;
  server: string;
  caData?: string | null;
  token: string;
  timeoutMs?: number;
}) {
  const kc = new KubeConfig();
  const caData = options.caData
    ? options.caData.includes("BEGIN")
      ? Buffer.from(options.caData).toString("base64")
      : options.caData
    : undefined;
  kc.loadFromOptions({
    clusters: [{ name: options.name, server: options.server, caData, skipTLSVerify: false }],
    users: [{ name: "slipway", token: options.token }],
    contexts: [{ name: options.name, cluster: options.name, user: "slipway" }],
    currentContext: options.name,
  });
  return new PlatformClient(kc, { timeoutMs: options.timeoutMs });
}

/** A KubeConfig for the same server and CA as `base`, with no credentials of its own. */
function kubeConfigWithoutUser(base: KubeClient, namespace?: string): KubeConfig {
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [{ ...base.clusterEntry, name: "cluster" }],
    users: [{ name: "token" }],
    contexts: [{ name: "team", cluster: "cluster", user: "token", namespace }],
    currentContext: "team",
  });
  return kc;
}

/** A team client whose token comes from `tokenSource` (see tokens.ts for the cached one). */
export function teamClientWithTokenSource(
  base: KubeClient,
  namespace: string,
  role: TeamRole | undefined,
  tokenSource: TokenSource,
  options: { timeoutMs?: number } = {},
): TeamClient {
  let agent = bearerAgents.get(base);
  if (!agent) {
    agent = keptAliveAgent(kubeConfigWithoutUser(base));
    bearerAgents.set(base, agent);
  }
  return new TeamClient(kubeConfigWithoutUser(base, namespace), namespace, role, {
    timeoutMs: options.timeoutMs ?? base.timeoutMs,
    tokenSource,
    agent,
  });
}

/** A client for a fixed bearer token against the same cluster as `base` (no refresh). */
export function clientForToken(
  base: KubeClient,
  token: string,
  options: { namespace: string; role?: TeamRole; timeoutMs?: number },
): TeamClient {
  return teamClientWithTokenSource(base, options.namespace, options.role, { get: async () => token }, options);
}
