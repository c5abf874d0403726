/**
 * Team tokens from the TokenRequest API, minted with the platform credential for
 * the ServiceAccount that matches a role. Cached per platform client until most of
 * their life is spent, so a burst of calls mints one token, not one each.
 */
import { teamClientWithTokenSource, type PlatformClient, type TeamClient, type TeamRole } from "./client";
import { TEAM_ROLES } from "./manifests";

export const DEFAULT_TOKEN_SECONDS = 15 * 60;
/** Refresh once this share of the lifetime has passed, well before expiry. */
const REFRESH_AT = 0.8;

export type TeamToken = { token: string; expiresAt: Date };

type Entry = { token: Promise<TeamToken>; refreshAt: number };

const caches = new WeakMap<PlatformClient, Map<string, Entry>>();

function cacheFor(platform: PlatformClient): Map<string, Entry> {
  let cache = caches.get(platform);
  if (!cache) {
    cache = new Map();
    caches.set(platform, cache);
  }
  return cache;
}

const cacheKey = (namespace: string, role: TeamRole) => `${namespace}/${role}`;

async function mintTeamToken(platform: PlatformClient, namespace: string, role: TeamRole, expirationSeconds: number): Promise<TeamToken> {
  return serviceAccountToken(platform, namespace, TEAM_ROLES[role].serviceAccount, expirationSeconds);
}

/** A TokenRequest for any ServiceAccount in the namespace (no cache). */
export async function serviceAccountToken(
  platform: PlatformClient,
  namespace: string,
  name: string,
  expirationSeconds: number,
): Promise<TeamToken> {
  const response = await platform.call({ verb: "create a token for", kind: "ServiceAccount", name, namespace }, () =>
    platform.core.createNamespacedServiceAccountToken({
      name,
      namespace,
      // No audiences: the token is for this API server's own audiences.
      body: { spec: { audiences: [], expirationSeconds } },
    }),
  );
  const token = response.status?.token;
  if (!token) throw new Error(`TokenRequest for ${namespace}/${name} returned no token`);
  const expiresAt = response.status?.expirationTimestamp
    ? new Date(response.status.expirationTimestamp)
    : new Date(Date.now() + expirationSeconds * 1000);
  return { token, expiresAt };
}

/**
 * A token for `role` in `namespace`, from the cache when it has enough life left.
 * `fresh` skips the cache (for a token handed out to a person, e.g. in a kubeconfig).
 * The API server refuses lifetimes under 10 minutes.
 */
export async function teamToken(
  platform: PlatformClient,
  namespace: string,
  role: TeamRole,
  options: { expirationSeconds?: number; fresh?: boolean } = {},
): Promise<TeamToken> {
  const seconds = options.expirationSeconds ?? DEFAULT_TOKEN_SECONDS;
  if (options.fresh) return mintTeamToken(platform, namespace, role, seconds);

  const cache = cacheFor(platform);
  const key = cacheKey(namespace, role);
  const cached = cache.get(key);
  if (cached && Date.now() < cached.refreshAt) return cached.token;

  const startedAt = Date.now();
  forgetSpentTokens(cache, startedAt);
  const token = mintTeamToken(platform, namespace, role, seconds);
  const entry: Entry = { token, refreshAt: startedAt + seconds * 1000 * REFRESH_AT };
  cache.set(key, entry);
  try {
    const minted = await token;
    // The server may shorten the lifetime; refresh by what it actually granted.
    entry.refreshAt = startedAt + (minted.expiresAt.getTime() - startedAt) * REFRESH_AT;
    return minted;
  } catch (e) {
    if (cache.get(key) === entry) cache.delete(key);
    throw e;
  }
}

/** Past this many entries, a mint first drops the tokens due for a refresh (they would be minted again anyway). */
const SWEEP_ABOVE = 64;

/**
 * Keeps the cache to the namespaces in use: without this it holds a token for every
 * (namespace, role) ever used, for the life of the process.
 */
function forgetSpentTokens(cache: Map<string, Entry>, now: number): void {
  if (cache.size <= SWEEP_ABOVE) return;
  for (const [key, entry] of cache) if (now >= entry.refreshAt) cache.delete(key);
}

/** How many tokens the cache holds for this platform client (tests read it). */
export function cachedTeamTokenCount(platform: PlatformClient): number {
  return caches.get(platform)?.size ?? 0;
}

/** Drops a cached token, e.g. after the API server answered 401 to it. */
export function forgetTeamToken(platform: PlatformClient, namespace: string, role: TeamRole): void {
  cacheFor(platform).delete(cacheKey(namespace, role));
}

/**
 * A client acting as the team's `role` ServiceAccount. Its token comes from the
 * cache; a 401 drops the cached token and retries once with a new one.
 */
export function teamClient(
  platform: PlatformClient,
  namespace: string,
  role: TeamRole,
  options: { expirationSeconds?: number; timeoutMs?: number } = {},
): TeamClient {
  return teamClientWithTokenSource(
    platform,
    namespace,
    role,
    {
      get: async () => (await teamToken(platform, namespace, role, options)).token,
      invalidate: () => forgetTeamToken(platform, namespace, role),
    },
    options,
  );
}
