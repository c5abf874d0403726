/**
 * A rollout whose pods the API server refuses is known to be stuck long before the
 * progress deadline: the quota refusal shows up as a FailedCreate event on the
 * release's ReplicaSet within seconds.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { beforeAll, describe, expect, test } from "vitest";
import { applyRelease, findRolloutBlocker, provisionTeam, teamClient, type TeamClient } from "@/lib/k8s";
import { appSpec, platform, uniqueTeam } from "./helpers";

const team = uniqueTeam("block", { pods: "2" });
let deployer: TeamClient;

beforeAll(async () => {
  const p = platform();
  await provisionTeam(p, team);
  deployer = teamClient(p, team.namespace, "deployer");
});

describe("[k8s] rollout blockers", () => {
  test("pods over the team's quota are named as the cause within seconds", async () => {
    await applyRelease(deployer, { app: appSpec(team, { name: "big", replicas: 5 }), release: { id: "rel-big", sequence: 1 } });
    const started = Date.now();
    let cause: string | null = null;
    while (!cause && Date.now() - started < 30_000) {
      cause = await findRolloutBlocker(deployer, team.namespace, "big", "rel-big");
      if (!cause) await sleep(500);
    }
    expect(cause).toMatch(/^The team's quota is used up: .*exceeded quota/);
    expect(Date.now() - started).toBeLessThan(30_000);
    // Another release's trouble is not this one's.
    expect(await findRolloutBlocker(deployer, team.namespace, "big", "rel-other")).toBeNull();
  });
});
