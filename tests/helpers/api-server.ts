/**
 * A real HTTP server for /api/v1 without Next.js: node:http in front of the very
 * handlers the route files export (apiRoute over lib/adapters/operations.ts), so a
 * client (the slipway CLI, kubectl's exec plugin) talks to Slipway over the network as
 * it would in production, in the test's own process.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { apiRoute, type RouteHandler } from "@/lib/adapters/api-route";
import { OPERATIONS } from "@/lib/adapters/operations";

type Route = { pattern: RegExp; handlers: Record<string, RouteHandler> };

function routes(): Route[] {
  const paths = [...new Set(OPERATIONS.map((operation) => operation.route.path))];
  // Literal segments win over parameters, as in Next's router (/cli/logins/token before /cli/logins/{code}).
  paths.sort((a, b) => (a.match(/\{/g)?.length ?? 0) - (b.match(/\{/g)?.length ?? 0));
  return paths.map((path) => ({
    pattern: new RegExp(`^/api/v1${path.replace(/\{(\w+)\}/g, "(?<$1>[^/]+)")}$`),
    handlers: apiRoute(...OPERATIONS.filter((operation) => operation.route.path === path)),
  }));
}

async function toRequest(incoming: IncomingMessage, origin: string): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) if (typeof value === "string") headers.set(name, value);
  const hasBody = !["GET", "HEAD"].includes(incoming.method ?? "GET") && chunks.length > 0;
  return new Request(new URL(incoming.url ?? "/", origin), {
    method: incoming.method,
    headers,
    body: hasBody ? Buffer.concat(chunks) : undefined,
  });
}

async function send(response: Response, outgoing: ServerResponse) {
  outgoing.writeHead(response.status, Object.fromEntries(response.headers));
  if (!response.body) return outgoing.end();
  const reader = response.body.getReader();
  outgoing.on("close", () => void reader.cancel().catch(() => {}));
  for (;;) {
    const { done, value } = await reader.read().catch(() => ({ done: true, value: undefined }));
    if (done) break;
    outgoing.write(value);
  }
  outgoing.end();
}

export async function startApiServer(): Promise<{ url: string; close(): Promise<void> }> {
  const table = routes();
  const server = createServer(async (incoming, outgoing) => {
    const origin = `http://${incoming.headers.host}`;
    const { pathname } = new URL(incoming.url ?? "/", origin);
    const route = table.map((r) => ({ r, match: r.pattern.exec(pathname) })).find(({ match }) => match);
    if (!route) return outgoing.writeHead(404).end();
    const handler = route.r.handlers[incoming.method ?? "GET"];
    if (!handler) return outgoing.writeHead(405).end();
    const params = Object.fromEntries(Object.entries(route.match!.groups ?? {}).map(([k, v]) => [k, decodeURIComponent(v)]));
    await send(await handler(await toRequest(incoming, origin), { params: Promise.resolve(params) }), outgoing);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
