/**
 * The activity list, its export and the verify endpoint, against a real database:
 * who sees which events, every filter, keyset pages, CSV/JSON exports, tampering.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { AuditAction } from "@/lib/audit/audit-events";
import { csvCell } from "@/lib/audit/audit-csv";
import { streamAuditExport } from "@/lib/audit/export-audit-events";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Actor } from "@/lib/authz/actor";
import { createApiToken } from "@/lib/tokens/create-api-token";
import { authorizeUser } from "@/lib/authz/authorize";
import * as list from "@/app/api/v1/audit/route";
import * as exporter from "@/app/api/v1/audit/export/route";
import * as verify from "@/app/api/v1/audit/verify/route";
import { call } from "../helpers/api";
import { sessionCookie } from "../helpers/session";

type Who = "admin" | "lead" | "viewer" | "otherLead" | "outsider";
const people = {} as Record<Who, { actor: Actor; token: string }>;
const teamIds = {} as Record<"alpha" | "beta", string>;

type Event = {
  id: string;
  createdAt: string;
  actorEmail: string | null;
  team: { slug: string; name: string } | null;
  action: string;
  target: { type: string; id: string | null } | null;
  data: Record<string, unknown>;
};

async function record(
  who: Who,
  action: AuditAction,
  team: "alpha" | "beta" | null,
  data: Record<string, unknown>,
  target?: { type: string; id: string },
  request?: { id?: string; ip?: string },
) {
  const { actor } = people[who];
  await db().$transaction((tx) =>
    recordAuditEvent({
      tx,
      actor: { id: actor.id, email: actor.email },
      action,
      teamId: team ? teamIds[team] : null,
      // Free-form on purpose: the list must show whatever an event holds.
      data: data as never,
      target: target as never,
      request,
    }),
  );
}

/** Every page of GET /api/v1/audit, following nextCursor. */
async function allPages(who: Who, query: Record<string, string> = {}, limit = 3) {
  const events: Event[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const res = await call(list.GET, "GET", {
      token: people[who].token,
      query: { ...query, limit: String(limit), ...(cursor ? { cursor } : {}) },
    });
    expect(res.status).toBe(200);
    events.push(...res.body.events);
    cursor = res.body.nextCursor;
    pages += 1;
  } while (cursor !== null && pages < 100);
  return events;
}

async function raw(
  handler: (request: Request, context: never) => Promise<Response>,
  query: Record<string, string>,
  token?: string,
  session?: string,
) {
  const url = new URL("http://slipway.test/x");
  for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
  const headers: Record<string, string> = token
    ? { authorization: `Bearer ${token}` }
    : session
      ? { cookie: `next-auth.session-token=${session}` }
      : {};
  return handler(new Request(url, { headers }), {
    params: Promise.resolve({}),
  } as never);
}

/** RFC 4180 parser, to read exports back. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ",") {
      row.push(cell);
      cell = "";
    } else if (!quoted && c === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else {
      cell += c;
    }
  }
  return rows;
}

beforeAll(async () => {
  for (const who of ["admin", "lead", "viewer", "otherLead", "outsider"] as const) {
    const user = await db().user.create({
      data: { email: `${who.toLowerCase()}@example.com`, name: who, isPlatformAdmin: who === "admin", issuer: "test", subject: who },
    });
    const actor: Actor = { ...user, via: "token" };
    // Each token.create is an event of that person's own, in no team.
    people[who] = {
      actor,
      token: (await createApiToken.run({ ctx: authorizeUser({ actor }), input: { name: "audit", expiresInDays: 1 } })).token,
    };
  }
  for (const slug of ["alpha", "beta"] as const) {
    teamIds[slug] = (
      await db().team.create({ data: { slug, name: slug[0]!.toUpperCase() + slug.slice(1), namespace: `team-${slug}` } })
    ).id;
  }
  await db().membership.createMany({
    data: [
      { teamId: teamIds.alpha, userId: people.lead.actor.id, role: "LEAD" },
      { teamId: teamIds.alpha, userId: people.viewer.actor.id, role: "VIEWER" },
      { teamId: teamIds.beta, userId: people.otherLead.actor.id, role: "LEAD" },
    ],
  });
  await record("admin", "team.create", "alpha", { name: "Alpha" }, { type: "team", id: "alpha" });
  await record("admin", "team.create", "beta", { name: "Beta" }, { type: "team", id: "beta" });
  await record(
    "lead",
    "membership.grant",
    "alpha",
    { email: "viewer@example.com", role: "VIEWER" },
    { type: "user", id: people.viewer.actor.id },
  );
  await record("lead", "app.create", "alpha", { app: "checkout" }, { type: "app", id: "checkout" });
  await record(
    "lead",
    "deploy.request",
    "alpha",
    { app: "checkout", sequence: 1 },
    { type: "release", id: "r1" },
    { id: "req-1", ip: "10.0.0.1" },
  );
  await record("lead", "deploy.succeeded", "alpha", { app: "checkout", sequence: 1 }, { type: "release", id: "r1" });
  await record("otherLead", "app.create", "beta", { app: "checkout" }, { type: "app", id: "checkout" });
  await record("otherLead", "deploy.request", "beta", { app: "checkout", sequence: 1 }, { type: "release", id: "r2" });
  await record("lead", "app.create", "alpha", { app: "ledger" }, { type: "app", id: "ledger" });
  // What people typed ends up in exports: a formula, quotes, commas, line breaks.
  await record(
    "lead",
    "app.update",
    "alpha",
    { app: "ledger", note: 'said "hi", then\nleft', formula: "=1+1" },
    { type: "app", id: '=HYPERLINK("http://evil")' },
    { id: "+req" },
  );
  await record("admin", "deploy.failed", "alpha", { app: "ledger", error: "-boom" }, { type: "release", id: "@r3" });
  // Someone who acted in a team they no longer belong to still sees what they did there.
  await record("outsider", "app.restart", "beta", { app: "checkout" }, { type: "app", id: "checkout" });
});

/** The visibility rule, spelled out over every row. */
async function expectedFor(who: Who) {
  const rows = await db().auditEvent.findMany({ orderBy: { id: "desc" }, select: { id: true, teamId: true, actorId: true } });
  const { actor } = people[who];
  const teams = (await db().membership.findMany({ where: { userId: actor.id }, select: { teamId: true } })).map((m) => m.teamId);
  return rows
    .filter((row) => actor.isPlatformAdmin || (row.teamId && teams.includes(row.teamId)) || row.actorId === actor.id)
    .map((row) => String(row.id));
}

describe("[audit] who sees what", () => {
  it("a platform admin sees every event, newest first", async () => {
    const events = await allPages("admin");
    expect(events.map((e) => e.id)).toEqual(await expectedFor("admin"));
    expect(events).toHaveLength(17);
    expect(events[1]).toMatchObject({
      action: "deploy.failed",
      actorEmail: "admin@example.com",
      team: { slug: "alpha", name: "Alpha" },
      target: { type: "release", id: "@r3" },
    });
  });

  it("a member sees their teams' events and their own, not other teams'", async () => {
    const events = await allPages("viewer");
    expect(events.map((e) => e.id)).toEqual(await expectedFor("viewer"));
    expect(events.some((e) => e.team?.slug === "beta")).toBe(false);
    expect(events.filter((e) => e.team === null).map((e) => [e.action, e.actorEmail])).toEqual([["token.create", "viewer@example.com"]]);
    // Events in alpha by others, including the platform admin's
    expect(events.some((e) => e.actorEmail === "admin@example.com" && e.action === "deploy.failed")).toBe(true);
  });

  it("someone in no team sees only what they did", async () => {
    const events = await allPages("outsider");
    expect(events.map((e) => e.id)).toEqual(await expectedFor("outsider"));
    expect(events.map((e) => [e.team?.slug ?? null, e.action, e.actorEmail])).toEqual([
      ["beta", "app.restart", "outsider@example.com"],
      [null, "token.create", "outsider@example.com"],
    ]);
    expect(await allPages("outsider", { team: "beta" })).toHaveLength(1);
  });

  it("a filter on a team one is not in shows only one's own events there", async () => {
    expect(await allPages("viewer", { team: "beta" })).toEqual([]);
  });

  it("carries request id and source IP", async () => {
    const [event] = await allPages("lead", { action: "deploy.request" });
    expect(event).toMatchObject({ requestId: "req-1", sourceIp: "10.0.0.1", data: { app: "checkout", sequence: 1 } });
  });

  it("needs a token", async () => {
    expect((await call(list.GET, "GET")).status).toBe(401);
  });
});

describe("[audit] filters", () => {
  const actions = (events: Event[]) => events.map((e) => `${e.team?.slug ?? "-"}:${e.action}`);

  it("by team", async () => {
    const events = await allPages("admin", { team: "beta" });
    expect(actions(events)).toEqual(["beta:app.restart", "beta:deploy.request", "beta:app.create", "beta:team.create"]);
  });

  it("by app (data.app), across teams or within one", async () => {
    expect(actions(await allPages("admin", { app: "checkout" }))).toEqual([
      "beta:app.restart",
      "beta:deploy.request",
      "beta:app.create",
      "alpha:deploy.succeeded",
      "alpha:deploy.request",
      "alpha:app.create",
    ]);
    expect(actions(await allPages("admin", { app: "checkout", team: "alpha" }))).toEqual([
      "alpha:deploy.succeeded",
      "alpha:deploy.request",
      "alpha:app.create",
    ]);
    expect(actions(await allPages("viewer", { app: "checkout" }))).toEqual([
      "alpha:deploy.succeeded",
      "alpha:deploy.request",
      "alpha:app.create",
    ]);
  });

  it("by person", async () => {
    const events = await allPages("admin", { actor: "OtherLead@Example.com" });
    expect(actions(events)).toEqual(["beta:deploy.request", "beta:app.create", "-:token.create"]);
    expect(await allPages("admin", { actor: "nobody@example.com" })).toEqual([]);
  });

  it("by action, exact or by prefix", async () => {
    expect(actions(await allPages("admin", { action: "app.create" }))).toEqual(["alpha:app.create", "beta:app.create", "alpha:app.create"]);
    expect(actions(await allPages("lead", { action: "deploy." }))).toEqual([
      "alpha:deploy.failed",
      "alpha:deploy.succeeded",
      "alpha:deploy.request",
    ]);
  });

  it("by time range, both ends inclusive", async () => {
    const all = await allPages("admin");
    const newest = all[0]!.createdAt;
    const third = all[2]!.createdAt;
    const inRange = (await allPages("admin", { from: third, to: newest })).map((e) => e.id);
    expect(inRange).toEqual(all.filter((e) => e.createdAt >= third && e.createdAt <= newest).map((e) => e.id));
    expect(inRange.length).toBeGreaterThanOrEqual(3);
    const oldest = all[all.length - 1]!.createdAt;
    expect(await allPages("admin", { to: oldest })).toEqual(all.filter((e) => e.createdAt <= oldest));
    const today = newest.slice(0, 10);
    expect((await allPages("admin", { from: today, to: today })).length).toBeGreaterThan(0);
    expect(await allPages("admin", { from: "2000-01-01", to: "2000-01-02" })).toEqual([]);
  });

  it("combines filters", async () => {
    expect(actions(await allPages("admin", { team: "alpha", action: "deploy.", actor: "lead@example.com" }))).toEqual([
      "alpha:deploy.succeeded",
      "alpha:deploy.request",
    ]);
  });

  it("rejects what it does not understand, naming the field", async () => {
    for (const [query, field] of [
      [{ action: "deploy.everything" }, "action"],
      [{ action: "nope" }, "action"],
      [{ from: "yesterday" }, "from"],
      [{ to: "2026-13-45" }, "to"],
      [{ actor: "not-an-email" }, "actor"],
      [{ team: "Not A Slug" }, "team"],
      [{ cursor: "0" }, "cursor"],
      [{ cursor: "abc" }, "cursor"],
      [{ limit: "500" }, "limit"],
    ] as const) {
      const res = await call(list.GET, "GET", { token: people.admin.token, query });
      expect(res.status, JSON.stringify(query)).toBe(400);
      expect(Object.keys(res.body.error.fields)).toEqual([field]);
    }
  });

  it("treats blank fields (an unfilled GET form) as no filter", async () => {
    const blank = await allPages("lead", { team: "", app: "", actor: "", action: "", from: "", to: "" });
    expect(blank.map((e) => e.id)).toEqual(await expectedFor("lead"));
  });
});

describe("[audit] keyset pages", () => {
  it("return every row exactly once, in order, whatever the page size", async () => {
    for (const who of ["admin", "lead", "outsider"] as const) {
      const expected = await expectedFor(who);
      for (const limit of [1, 2, 5, 16, 17, 18, 200]) {
        const ids = (await allPages(who, {}, limit)).map((e) => e.id);
        expect(ids, `${who}, pages of ${limit}`).toEqual(expected);
        expect(new Set(ids).size).toBe(ids.length);
      }
    }
  });

  it("the last page has no nextCursor, and a cursor past the end gives nothing", async () => {
    const res = await call(list.GET, "GET", { token: people.admin.token, query: { limit: "200" } });
    expect(res.body.nextCursor).toBeNull();
    const oldest = res.body.events.at(-1).id;
    expect((await call(list.GET, "GET", { token: people.admin.token, query: { cursor: oldest } })).body).toEqual({
      events: [],
      nextCursor: null,
    });
  });
});

describe("[audit] export", () => {
  it("CSV: every visible event, quoted and escaped, with formulas defused", async () => {
    const res = await raw(exporter.GET, { format: "csv" }, people.lead.token);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="slipway-audit-\d{8}-\d{6}\.csv"$/);
    const rows = parseCsv(await res.text());
    expect(rows[0]).toEqual(["id", "createdAt", "actorEmail", "team", "action", "targetType", "targetId", "data", "requestId", "sourceIp"]);
    expect(rows.slice(1).map((row) => row[0])).toEqual(await expectedFor("lead"));
    const update = rows.find((row) => row[4] === "app.update")!;
    expect(update[6]).toBe('\'=HYPERLINK("http://evil")');
    expect(update[8]).toBe("'+req");
    expect(JSON.parse(update[7]!)).toEqual({ app: "ledger", note: 'said "hi", then\nleft', formula: "=1+1" });
    expect(rows.find((row) => row[4] === "deploy.failed")![6]).toBe("'@r3");
  });

  it("csvCell quotes what needs quoting and guards formula starts", () => {
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell(null)).toBe("");
    expect(csvCell('a "b"')).toBe('"a ""b"""');
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell("a\nb")).toBe('"a\nb"');
    expect(csvCell("a\r\nb")).toBe('"a\r\nb"');
    for (const start of ["=", "+", "-", "@"]) expect(csvCell(`${start}SUM(A1)`)).toBe(`'${start}SUM(A1)`);
    expect(csvCell("\tx")).toBe("'\tx");
    expect(csvCell("=a,b")).toBe(`"'=a,b"`);
  });

  it("JSON equals the concatenation of the pages, also when streamed in small batches", async () => {
    const pages = await allPages("viewer", { action: "deploy." }, 2);
    const res = await raw(exporter.GET, { format: "json", action: "deploy." }, people.viewer.token);
    expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(await res.json()).toEqual(pages);

    const everything = await allPages("admin", {}, 4);
    for (const batchSize of [1, 3, 16, 1000]) {
      const streamed = await streamAuditExport({ actor: people.admin.actor, filter: {}, format: "json", batchSize });
      expect(await new Response(streamed.body).json()).toEqual(everything);
    }
    const none = await raw(exporter.GET, { format: "json", team: "nope" }, people.admin.token);
    expect(await none.json()).toEqual([]);
  });

  it("refuses bad input and missing tokens as JSON errors", async () => {
    expect((await raw(exporter.GET, { format: "xml" }, people.admin.token)).status).toBe(400);
    const anonymous = await raw(exporter.GET, { format: "csv" });
    expect(anonymous.status).toBe(401);
    expect((await anonymous.json()).error.code).toBe("UNAUTHENTICATED");
  });

  it("the activity page's export link is the API's, with the browser session", async () => {
    const { actor } = people.otherLead;
    const res = await raw(exporter.GET, { format: "json", team: "beta" }, undefined, await sessionCookie(actor.id));
    expect(res.headers.get("content-disposition")).toMatch(/\.json"$/);
    expect(await res.json()).toEqual(await allPages("otherLead", { team: "beta" }));
    expect((await raw(exporter.GET, { format: "json", from: "nope" }, undefined, await sessionCookie(actor.id))).status).toBe(400);
  });
});

describe("[audit] verify", () => {
  it("needs a token", async () => {
    expect((await call(verify.POST, "POST")).status).toBe(401);
  });

  it("anyone signed in may verify; an intact chain is ok", async () => {
    const res = await call(verify.POST, "POST", { token: people.outsider.token });
    expect({ status: res.status, body: res.body }).toEqual({ status: 200, body: { ok: true, checked: 17, anchors: 0 } });
  });

  it("reports the first tampered event", async () => {
    const victim = (await db().auditEvent.findFirstOrThrow({ where: { action: "deploy.request", teamId: teamIds.beta } })).id;
    // What someone with superuser access could do: triggers off, rewrite history.
    await db().$transaction(async (tx) => {
      await tx.$executeRawUnsafe("SET LOCAL session_replication_role = replica");
      await tx.$executeRawUnsafe(`UPDATE "AuditEvent" SET "actorEmail" = 'someone-else@example.com' WHERE id = ${victim}`);
    });
    const res = await call(verify.POST, "POST", { token: people.viewer.token });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ok: false, brokenAt: String(victim), reason: expect.stringMatching(/altered/) });
    expect(res.body.checked).toBeGreaterThan(0);
  });
});
