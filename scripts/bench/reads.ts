/**
 * (c) Reads at the large size: each page as HTML (with a session cookie, as a browser
 * sends it) and as /api/v1 JSON (bearer token). Every case gets a warm-up of half as many
 * requests, untimed, then `requests` timed requests from `concurrency` clients;
 * /api/v1/me is the control (auth only).
 */
import { encode } from "next-auth/jwt";
import { percentile, request } from "./http";
import { bearer } from "./setup";

export type ReadCase = { label: string; path: string; html: boolean };
export type ReadResult = ReadCase & { concurrency: number; p50: number; p95: number; errors: number; kb: number };

/** A session cookie as sign-in issues it: who (`sub`) and which session version (`sv`, User.sessionVersion). */
export async function sessionCookie(userId: string, secret: string, sessionVersion: number): Promise<string> {
  return `next-auth.session-token=${await encode({ token: { sub: userId, sv: sessionVersion }, secret, maxAge: 60 * 60 })}`;
}

export function readCases(options: { team: string; app: string; deepCursor: string }): ReadCase[] {
  const { team, app, deepCursor } = options;
  return [
    { label: "control: /api/v1/me", path: "/api/v1/me", html: false },
    { label: "dashboard (home page)", path: "/", html: true },
    { label: "dashboard API", path: "/api/v1/dashboard", html: false },
    { label: "activity, first page", path: "/activity", html: true },
    { label: "activity API, first page", path: "/api/v1/audit?limit=50", html: false },
    { label: "activity, page 500", path: `/activity?after=${deepCursor}`, html: true },
    { label: "activity API, page 500", path: `/api/v1/audit?limit=50&cursor=${deepCursor}`, html: false },
    { label: "team page, 500 apps", path: `/teams/${team}`, html: true },
    { label: "team apps API (100 of 500)", path: `/api/v1/teams/${team}/apps`, html: false },
    { label: "app page", path: `/teams/${team}/apps/${app}`, html: true },
    { label: "app API", path: `/api/v1/teams/${team}/apps/${app}`, html: false },
  ];
}

export async function measureReads(options: {
  base: string;
  token: string;
  cookie: string;
  cases: ReadCase[];
  concurrency: number;
  requests: number;
}): Promise<ReadResult[]> {
  const results: ReadResult[] = [];
  for (const item of options.cases) {
    const headers = item.html ? { cookie: options.cookie, accept: "text/html" } : bearer(options.token);
    const ok = (status: number, body: string) => status === 200 && !(item.html && body.includes('action="/api/auth/signin'));
    let errors = 0;
    let bytes = 0;
    const times: number[] = [];
    let next = 0;
    // Each case first serves `warmup` requests that are not timed (their errors count):
    // V8 optimizes a route's code over its first requests. A server in production is warm.
    const warmup = Math.ceil(options.requests / 2);
    const total = warmup + options.requests;
    const client = async () => {
      for (let i = next++; i < total; i = next++) {
        const reply = await request(options.base, "GET", item.path, { headers });
        if (!ok(reply.status, reply.body)) {
          errors++;
          if (errors === 1) process.stdout.write(`    ${item.path}: ${reply.status} ${reply.body.slice(0, 160)}\n`);
        }
        bytes = reply.body.length;
        if (i >= warmup) times.push(reply.ms);
      }
    };
    await Promise.all(Array.from({ length: options.concurrency }, client));
    results.push({
      ...item,
      concurrency: options.concurrency,
      p50: percentile(times, 50),
      p95: percentile(times, 95),
      errors,
      kb: bytes / 1024,
    });
  }
  return results;
}
