/**
 * Logs of an app's pods through /api/v1 against the local control plane, whose kwok
 * serves every simulated pod a log file appended to every second (tools/cluster/
 * pod-logs.ts): the stream brings the tail and then new lines, with timestamps; a pod of
 * another app is refused; a viewer reads (stream and download), an outsider does not.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { apiRoute } from "@/lib/adapters/api-route";
import { createApp } from "@/lib/apps/create-app";
import { downloadAppLogs } from "@/lib/apps/download-app-logs";
import { MAX_STREAMS_PER_USER, streamAppLogs } from "@/lib/apps/stream-app-logs";
import type { Actor } from "@/lib/authz/actor";
import { authorizePlatformAdmin, authorizeTeam, authorizeUser } from "@/lib/authz/authorize";
import { db } from "@/lib/db";
import { deployApp } from "@/lib/deploys/deploy-app";
import { LABELS } from "@/lib/k8s";
import { createTeam } from "@/lib/teams/create-team";
import { createApiToken } from "@/lib/tokens/create-api-token";
import { call, callRaw } from "../helpers/api";
import { releaseOutcome } from "../helpers/release-outcome";
import { admin } from "./helpers";

type Who = "deployer" | "viewer" | "outsider";
const token = {} as Record<Who, string>;
const podOf = {} as Record<"api" | "web", string>;
const stream = apiRoute(streamAppLogs).GET;
const download = apiRoute(downloadAppLogs).GET;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

beforeAll(async () => {
  const root = await db().user.create({ data: { email: "root@logs.test", isPlatformAdmin: true } });
  const rootActor: Actor = { ...root, via: "session" };
  await createTeam.run({ ctx: authorizePlatformAdmin({ actor: rootActor }), input: { slug: "logs", name: "Logs" } });
  const team = await db().team.findUniqueOrThrow({ where: { slug: "logs" } });
  for (const who of ["deployer", "viewer", "outsider"] as const) {
    const user = await db().user.create({ data: { email: `${who}@logs.test` } });
    if (who !== "outsider") {
      await db().membership.create({ data: { teamId: team.id, userId: user.id, role: who === "viewer" ? "VIEWER" : "DEPLOYER" } });
    }
    const ctx = authorizeUser({ actor: { ...user, via: "session" } });
    token[who] = (await createApiToken.run({ ctx, input: { name: "t", expiresInDays: 1 } })).token;
  }
  const lead = await authorizeTeam({ actor: rootActor, teamSlug: "logs", permissions: ["app.create", "app.deploy"] });
  for (const name of ["api", "web"] as const) {
    await createApp.run({
      ctx: lead,
      input: { name, imageRepository: `registry.example.com/logs/${name}`, containerPort: 8080, replicas: 1, env: [], resources: {} },
    });
    const { release } = await deployApp.run({ ctx: lead, input: { app: name, version: "v1" } });
    expect((await releaseOutcome(release.id, 60_000)).release.status).toBe("SUCCEEDED");
    const pods = await admin().core.listNamespacedPod({ namespace: team.namespace, labelSelector: `${LABELS.app}=${name}` });
    podOf[name] = pods.items[0]!.metadata!.name!;
  }
});

/** Reads `lines` events until `count` lines arrived (or the time runs out), then leaves. */
async function readLines(response: Response, count: number, timeoutMs = 15_000) {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  const lines: { time: string | null; text: string }[] = [];
  const events: string[] = [];
  let buffer = "";
  const deadline = Date.now() + timeoutMs;
  while (lines.length < count && Date.now() < deadline) {
    const next = await Promise.race([reader.read(), new Promise<null>((r) => setTimeout(() => r(null), deadline - Date.now()))]);
    if (!next || next.done) break;
    buffer += next.value;
    let end: number;
    while ((end = buffer.indexOf("\n\n")) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const event = /^event: (.*)$/m.exec(block)?.[1];
      if (event) events.push(event);
      if (event === "lines") lines.push(...JSON.parse(/^data: (.*)$/m.exec(block)![1]!));
    }
  }
  await reader.cancel();
  return { lines, events };
}

describe("[logs] an app's pod logs", () => {
  it("follows a pod's log: the tail, then new lines as they are written, each with its time", async () => {
    const response = await callRaw(stream, "GET", {
      token: token.deployer,
      params: { team: "logs", app: "api" },
      query: { pod: podOf.api, tailLines: "3" },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
    // Three from the tail, then at least two the writer appends (one a second) while we listen.
    const { lines, events } = await readLines(response, 5);
    expect(lines.length, `events: ${events.join(", ")}`).toBeGreaterThanOrEqual(5);
    for (const line of lines) {
      expect(line.time).toMatch(ISO_TIME);
      expect(line.text).toMatch(/^level=/);
    }
    const times = lines.map((line) => Date.parse(line.time!));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(times.at(-1)!).toBeGreaterThan(Date.now() - 10_000);
  });

  it("refuses a pod of another app, and a pod that does not exist, naming the field", async () => {
    const other = await call(stream, "GET", { token: token.deployer, params: { team: "logs", app: "api" }, query: { pod: podOf.web } });
    expect(other.status).toBe(400);
    expect(other.body.error.message).toBe(`Pod "${podOf.web}" does not belong to app api.`);
    expect(other.body.error.fields).toEqual({ pod: ["is not a pod of api"] });
    const none = await call(download, "GET", { token: token.deployer, params: { team: "logs", app: "api" }, query: { pod: "api-gone" } });
    expect(none.status).toBe(404);
    expect(none.body.error.fields).toEqual({ pod: ["no such pod"] });
    const container = await call(download, "GET", {
      token: token.deployer,
      params: { team: "logs", app: "api" },
      query: { pod: podOf.api, container: "sidecar" },
    });
    expect(container.status).toBe(400);
    expect(container.body.error.fields).toEqual({ container: ["must be one of: api"] });
    const bad = await call(stream, "GET", {
      token: token.deployer,
      params: { team: "logs", app: "api" },
      query: { pod: podOf.api, tailLines: "0" },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toHaveProperty("tailLines");
  });

  it("a viewer reads the stream and downloads the log as a file", async () => {
    const response = await callRaw(stream, "GET", { token: token.viewer, params: { team: "logs", app: "web" }, query: { pod: podOf.web } });
    expect(response.status).toBe(200);
    expect((await readLines(response, 1)).lines[0]?.time).toMatch(ISO_TIME);

    const file = await call(download, "GET", { token: token.viewer, params: { team: "logs", app: "web" }, query: { pod: podOf.web } });
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(file.headers.get("content-disposition")).toBe(`attachment; filename="${podOf.web}-web.log"`);
    const lines = (file.body as string).trim().split("\n");
    expect(lines.length).toBeGreaterThanOrEqual(20);
    for (const line of lines) expect(line).toMatch(/^\d{4}-\d{2}-\d{2}T\S+Z level=/);
  });

  it("holds one follow per stream, ends it when the reader leaves, and caps a person's open follows", async () => {
    const open = () => callRaw(stream, "GET", { token: token.deployer, params: { team: "logs", app: "api" }, query: { pod: podOf.api } });
    const responses = [];
    for (let i = 0; i < MAX_STREAMS_PER_USER; i++) responses.push(await open());
    expect(responses.map((r) => r.status)).toEqual(responses.map(() => 200));
    const refused = await open();
    expect(refused.status).toBe(429);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/already follow 10 logs/);
    // Leaving (the browser closing the stream) ends the follow and frees its place.
    await Promise.all(responses.map((r) => r.body!.cancel()));
    const again = await open();
    expect(again.status).toBe(200);
    await again.body!.cancel();
  });

  it("an outsider can neither follow nor download", async () => {
    for (const handler of [stream, download]) {
      const res = await call(handler, "GET", { token: token.outsider, params: { team: "logs", app: "api" }, query: { pod: podOf.api } });
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe("FORBIDDEN");
    }
  });
});
