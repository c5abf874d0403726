import { describe, expect, it } from "vitest";
import { teamToken, type PlatformClient } from "@/lib/k8s";
import { cachedTeamTokenCount } from "@/lib/k8s/tokens";

/** A platform client whose TokenRequests are counted and live for `lifetimeMs` (negative: already spent). */
function fakePlatform(lifetimeMs: number) {
  const minted: string[] = [];
  const platform = {
    call: (_context: unknown, fn: () => Promise<unknown>) => fn(),
    core: {
      createNamespacedServiceAccountToken: async ({ namespace }: { namespace: string }) => {
        minted.push(namespace);
        return { status: { token: `token-${minted.length}`, expirationTimestamp: new Date(Date.now() + lifetimeMs) } };
      },
    },
  } as unknown as PlatformClient;
  return { platform, minted };
}

describe("[k8s] team token cache", () => {
  it("mints one token per namespace and role while it has life left", async () => {
    const { platform, minted } = fakePlatform(15 * 60_000);
    const [a, b] = await Promise.all([teamToken(platform, "team-a", "deployer"), teamToken(platform, "team-a", "deployer")]);
    expect(a.token).toBe(b.token);
    await teamToken(platform, "team-a", "viewer");
    for (let i = 0; i < 100; i++) await teamToken(platform, `team-${i}`, "deployer");
    // Tokens with life left survive the sweep: asking again mints nothing.
    const before = minted.length;
    await teamToken(platform, "team-a", "deployer");
    await teamToken(platform, "team-7", "deployer");
    expect(minted.length).toBe(before);
    expect(cachedTeamTokenCount(platform)).toBe(102);
  });

  it("drops tokens due for a refresh once it holds many, instead of keeping one for every namespace ever used", async () => {
    const { platform, minted } = fakePlatform(-1_000);
    for (let i = 0; i < 200; i++) await teamToken(platform, `team-${i}`, "deployer");
    expect(minted).toHaveLength(200);
    expect(cachedTeamTokenCount(platform)).toBeLessThanOrEqual(65);
    // Spent tokens are minted again, as before the sweep.
    await teamToken(platform, "team-0", "deployer");
    expect(minted).toHaveLength(201);
  });
});
