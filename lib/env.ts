/**
 * The environment, read once and validated. A missing or malformed variable stops
 * start-up with a message that names it (instrumentation.ts imports this first).
 */
import { z } from "zod";
import { compileTrustedProxies } from "@/lib/http/client-ip";

const optionalString = z
  .string()
  .optional()
  .transform((value) => (value === "" ? undefined : value));

const optionalUrl = optionalString.pipe(z.url({ protocol: /^https?$/ }).optional());

/** "a@x, b@y" -> ["a@x", "b@y"]; unset -> []. */
const commaList = z
  .string()
  .optional()
  .transform((value) =>
    (value ?? "")
      .split(",")
      .map((item) => item.trim())
      .filter(Boolean),
  );

const flag = z
  .enum(["", "0", "1"])
  .default("0")
  .transform((value) => value === "1");

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    /** PostgreSQL connection string. Unset: the embedded PGlite under DATA_DIR. */
    DATABASE_URL: optionalString.pipe(
      z
        .string()
        .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
        .optional(),
    ),
    /**
     * The database role the app connects as, when it is not the tables' owner (production):
     * the migration runner, connected as the owner, grants it what it needs and never
     * UPDATE, DELETE or TRUNCATE on the audit log (lib/migrations/grant-app-role.ts).
     */
    SLIPWAY_DB_APP_ROLE: optionalString.pipe(
      z
        .string()
        .regex(/^[a-z_][a-z0-9_]{0,62}$/, "must be a plain role name")
        .optional(),
    ),
    /**
     * Connections in each replica's PostgreSQL pool, shared by requests and the release
     * queue. A running release holds no connection during a cluster call, only for one
     * short statement at a time, so SLIPWAY_RELEASE_CONCURRENCY releases need far fewer
     * connections than that. Replicas x (this + 2 dedicated sessions: LISTEN and the
     * leader lock) must stay under the server's max_connections.
     */
    DATABASE_POOL_SIZE: z.coerce.number().int().min(2).max(500).default(20),
    /** "0": statements are parsed and planned on every run (lib/db-statement-names.ts), for a pooler that does not carry prepared statements. */
    DATABASE_PREPARED_STATEMENTS: z
      .enum(["", "0", "1"])
      .default("1")
      .transform((value) => value !== "0"),
    /**
     * Requests one replica handles at the same time; the rest wait their turn in arrival
     * order (lib/http/admission.ts). A request counts until its response starts, or for
     * SLIPWAY_REQUEST_HOLD_MS at most.
     */
    SLIPWAY_MAX_CONCURRENT_REQUESTS: z.coerce.number().int().min(1).max(10_000).default(8),
    /** How long a request counts against SLIPWAY_MAX_CONCURRENT_REQUESTS at most; 0: until its response starts. */
    SLIPWAY_REQUEST_HOLD_MS: z.coerce.number().int().min(0).max(60_000).default(250),
    /**
     * On PostgreSQL, how long the engine's next statement (a release run's bookkeeping,
     * a periodic task) waits at most while requests are in progress (lib/db-priority.ts).
     * 0: it never waits. At most 1 s: a transaction must have its connection within Prisma's 2 s.
     */
    SLIPWAY_BACKGROUND_WAIT_MS: z.coerce.number().int().min(0).max(1_000).default(250),
    /** Releases one replica runs at the same time (applies and rollout watches). */
    SLIPWAY_RELEASE_CONCURRENCY: z.coerce.number().int().min(1).max(1000).default(50),
    /**
     * How long a replica's claim on a running release holds without renewal (renewed six
     * times as often): a replica that dies has its releases taken over after this long.
     */
    SLIPWAY_CLAIM_SECONDS: z.coerce.number().int().min(3).max(600).default(30),
    /** "0": this process only serves requests; other replicas run the releases it queues. */
    SLIPWAY_RELEASE_WORKER: z
      .enum(["", "0", "1"])
      .default("1")
      .transform((value) => value !== "0"),
    /** Where embedded state lives (PGlite files, the local cluster). Git-ignored. */
    DATA_DIR: z.string().min(1).default(".data"),
    /** PGlite's data directory; defaults to DATA_DIR/pglite. Tests point it elsewhere. */
    PGLITE_DIR: optionalString,
    /** Bearer token Prometheus sends to GET /metrics; unset: /metrics is off. */
    SLIPWAY_METRICS_TOKEN: optionalString.pipe(z.string().min(16, "must be at least 16 characters").optional()),
    LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
    /**
     * The bearer token kube-apiserver's audit webhook sends (in its webhook kubeconfig) to
     * POST /api/cluster/audit. Unset: the endpoint refuses everything.
     */
    SLIPWAY_AUDIT_WEBHOOK_TOKEN: optionalString.pipe(z.string().min(16, "must be at least 16 characters").optional()),
    /** Slipway's own (platform) kubeconfig. Unset: in-cluster, else the local control plane if up. */
    SLIPWAY_KUBECONFIG: optionalString,
    /** How long a rollout may make no progress before it fails (Deployment progressDeadlineSeconds). */
    SLIPWAY_PROGRESS_DEADLINE_SECONDS: z.coerce.number().int().min(5).max(3600).default(300),
    /**
     * Each team's Ingress hosts go under <team-slug>.<this domain> (Slipway's form and the
     * slipway-ingress-hosts admission policy). `localhost` keeps the demo on loopback names.
     */
    SLIPWAY_INGRESS_DOMAIN: optionalString
      .transform((value) => (value ?? "localhost").trim().toLowerCase())
      .pipe(z.string().regex(/^([a-z0-9]([-a-z0-9]*[a-z0-9])?\.)*[a-z]{2,63}$/, "must be a DNS name like apps.example.com")),
    /** Set by `next build`; start-up requirements such as NEXTAUTH_SECRET wait for run time. */
    NEXT_PHASE: optionalString,
    /** Slipway's public URL; next-auth builds its callback URLs from it. */
    NEXTAUTH_URL: optionalUrl,
    /** Signs and encrypts session cookies. Outside production a stable one is kept in DATA_DIR. */
    NEXTAUTH_SECRET: optionalString,
    /** The OpenID Connect issuer people sign in with, and Slipway's client there. */
    OIDC_ISSUER: optionalUrl,
    OIDC_CLIENT_ID: optionalString,
    OIDC_CLIENT_SECRET: optionalString,
    /** The scopes Slipway asks the issuer for; add `groups` for Dex or Keycloak to send the groups claim (SLIPWAY_ADMIN_GROUPS). */
    OIDC_SCOPES: optionalString
      .transform((value) =>
        (value ?? "openid email profile")
          .trim()
          .split(/[\s,]+/)
          .join(" "),
      )
      .refine((scopes) => scopes.split(" ").includes("openid"), "must include openid"),
    /** Optional GitHub OAuth app, offered next to OIDC when set. */
    GITHUB_ID: optionalString,
    GITHUB_SECRET: optionalString,
    /** Platform admins: these emails (compared case-insensitively) ... */
    SLIPWAY_ADMIN_EMAILS: commaList.transform((emails) => emails.map((email) => email.toLowerCase())),
    /** ... and members of these groups (the ID token's `groups` claim). */
    SLIPWAY_ADMIN_GROUPS: commaList,
    /** "1" when OIDC_ISSUER is the bundled development IdP (tools/dev-idp), which lets anyone sign in as anyone. */
    SLIPWAY_DEV_IDP: flag,
    SLIPWAY_ALLOW_DEV_IDP_IN_PRODUCTION: flag,
    /** Signs the audit chain's anchors (HMAC-SHA256); required in production unless SLIPWAY_AUDIT_ANCHOR_STORE=none. Never give it to the database's owner. */
    SLIPWAY_AUDIT_SIGNING_KEY: optionalString.pipe(z.string().min(32, "must be at least 32 characters").optional()),
    /** Where anchors go: a ConfigMap in Slipway's namespace (default in a cluster), a file (default elsewhere), or off. */
    SLIPWAY_AUDIT_ANCHOR_STORE: optionalString.pipe(z.enum(["configmap", "file", "none"]).optional()),
    /** The file store's path; default DATA_DIR/audit-anchors.jsonl. */
    SLIPWAY_AUDIT_ANCHOR_FILE: optionalString,
    /** How often the leader anchors the chain's head; rows newer than the last anchor are covered by the hash chain only. */
    SLIPWAY_AUDIT_ANCHOR_SECONDS: z.coerce.number().int().min(5).max(86_400).default(60),
    /**
     * Encrypts secrets Slipway must be able to read back (webhook signing secrets, registered
     * clusters' credentials), with
     * AES-256-GCM. Outside production one is generated once into DATA_DIR; in production,
     * webhooks and clusters cannot be added without it. Never give it to the database's owner.
     */
    SLIPWAY_SECRET_KEY: optionalString.pipe(z.string().min(32, "must be at least 32 characters").optional()),
    /**
     * Hosts webhooks may be sent to: exact names or `*.example.com` (any subdomain), comma
     * separated. Unset: 127.0.0.1 and localhost outside production, none in production.
     */
    SLIPWAY_WEBHOOK_ALLOWED_HOSTS: z
      .string()
      .optional()
      .transform((value) =>
        value === undefined
          ? undefined
          : value
              .split(",")
              .map((item) => item.trim().toLowerCase())
              .filter(Boolean),
      )
      .pipe(
        z
          .array(
            z.string().regex(/^(\*\.)?[a-z0-9]([-a-z0-9.:[\]]*[a-z0-9\]])?$/, "must be host names like hooks.example.com or *.example.com"),
          )
          .optional(),
      ),
    /** Slipway's own namespace (the anchors' ConfigMap); default: the pod's, else `slipway`. */
    SLIPWAY_NAMESPACE: optionalString,
    /** Failed bearer tokens one client address may send per minute before 429 (0: no limit). */
    SLIPWAY_RATE_LIMIT_FAILED_TOKENS: z.coerce.number().int().min(0).default(20),
    /** Sign-in requests (start and callback) one client address may make per minute before 429 (0: no limit). */
    SLIPWAY_RATE_LIMIT_SIGN_IN: z.coerce.number().int().min(0).default(30),
    /** Proxies whose X-Forwarded-For is believed (CIDRs or addresses); unset: the socket's peer is the client. */
    SLIPWAY_TRUSTED_PROXIES: commaList.superRefine((ranges, ctx) => {
      try {
        compileTrustedProxies(ranges);
      } catch (error) {
        ctx.addIssue({ code: "custom", message: `${(error as Error).message} (expected IP addresses or CIDRs, e.g. 10.0.0.0/8)` });
      }
    }),
  })
  .superRefine((env, ctx) => {
    const production = env.NODE_ENV === "production" && env.NEXT_PHASE !== "phase-production-build";
    if (production && !env.NEXTAUTH_SECRET) {
      ctx.addIssue({
        code: "custom",
        path: ["NEXTAUTH_SECRET"],
        message: "is required when NODE_ENV=production (a long random string, e.g. from `openssl rand -base64 32`)",
      });
    }
    if (production && !env.SLIPWAY_AUDIT_SIGNING_KEY && env.SLIPWAY_AUDIT_ANCHOR_STORE !== "none") {
      ctx.addIssue({
        code: "custom",
        path: ["SLIPWAY_AUDIT_SIGNING_KEY"],
        message:
          "is required when NODE_ENV=production: it signs the audit chain's anchors (`openssl rand -base64 32`; or SLIPWAY_AUDIT_ANCHOR_STORE=none)",
      });
    }
    if (env.NODE_ENV === "production" && env.SLIPWAY_DEV_IDP && !env.SLIPWAY_ALLOW_DEV_IDP_IN_PRODUCTION) {
      ctx.addIssue({
        code: "custom",
        path: ["SLIPWAY_DEV_IDP"],
        message:
          "the development IdP lets anyone sign in as anyone, so SLIPWAY_DEV_IDP=1 is refused when NODE_ENV=production unless SLIPWAY_ALLOW_DEV_IDP_IN_PRODUCTION=1",
      });
    }
    if (env.OIDC_ISSUER && !(env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET)) {
      ctx.addIssue({
        code: "custom",
        path: ["OIDC_CLIENT_ID"],
        message: "OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are required with OIDC_ISSUER",
      });
    }
    if (Boolean(env.GITHUB_ID) !== Boolean(env.GITHUB_SECRET)) {
      ctx.addIssue({ code: "custom", path: ["GITHUB_SECRET"], message: "GITHUB_ID and GITHUB_SECRET go together" });
    }
  });

export type Env = z.infer<typeof schema>;

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = schema.safeParse(source);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`).join("\n");
    throw new Error(`Invalid environment configuration:\n${problems}`);
  }
  return result.data;
}

export const env: Env = parseEnv(process.env);
