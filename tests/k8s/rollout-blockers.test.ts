/**
 * A rollout whose pods the API server refuses is known to be stuck long before the
 * progress deadline: the quota refusal shows up as a FailedCreate event on the
 * release's ReplicaSet within seconds, and the namespace's shared watch brings it to
 * watchForBlocker without any polling.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { watchForBlocker } from "@/lib/deploys/watch-for-blocker";
import { applyRelease, closeNamespaceCaches, namespaceCache, provisionTeam, teamClient, type TeamClient } from "@/lib/k8s";
import { appSpec, platform, uniqueTeam } from "./helpers";

const team = uniqueTeam("block", { pods: "2" });
let deployer: TeamClient;

beforeAll(async () => {
  const p = platform();
  await provisionTeam(p, team);
  deployer = teamClient(p, team.namespace, "deployer");
});

afterAll(() => closeNamespaceCaches());

describe("[k8s] rollout blockers", () => {
  test("pods over the team's quota are named as the cause within seconds, from the shared watch", async () => {
    const cache = namespaceCache(platform(), team.namespace);
    const caller = new AbortController();
    const blocker = watchForBlocker({ cache, app: "big", releaseId: "rel-big", signal: caller.signal });
    // Another release's trouble is not this one's.
    const other = watchForBlocker({ cache, app: "big", releaseId: "rel-other", signal: caller.signal });
    const started = Date.now();
    await applyRelease(deployer, { app: appSpec(team, { name: "big", replicas: 5 }), release: { id: "rel-big", sequence: 1 } });
    const found = await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), 30_000);
      blocker.signal.addEventListener("abort", () => (clearTimeout(timer), resolve(true)), { once: true });
    });
    expect(found).toBe(true);
    expect(blocker.cause()).toMatch(/^The team's quota is used up: .*exceeded quota/);
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(other.signal.aborted).toBe(false);
    expect(other.cause()).toBeNull();
    blocker.stop();
    other.stop();
    caller.abort();
  });
});
