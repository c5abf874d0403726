/**
 * A development OpenID Connect provider (oidc-provider) for the demo and the browser
 * tests: it signs in any of the demo users in users.ts with one click. It binds to
 * loopback only and keeps everything in memory; a fresh signing key and cookie key
 * are made on every start, so nothing it issued survives a restart.
 */
import { generateKeyPairSync, randomBytes } from "node:crypto";
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Provider, { interactionPolicy, type OidcContext } from "oidc-provider";
import { renderLoginPage, renderMessagePage } from "./login-page";
import { devUsers, findDevUser } from "../../lib/auth/dev-users";

export type DevIdpOptions = {
  /** 0 or unset: any free port. */
  port?: number;
  host: "127.0.0.1";
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
};

export type DevIdp = { issuer: string; stop(): Promise<void> };

const SCOPES = "openid email profile";

export async function startDevIdp(options: DevIdpOptions): Promise<DevIdp> {
  // The issuer names the port, so listen first and create the provider once it is known.
  let handle: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.writeHead(503).end();
  const server = http.createServer((req, res) => handle(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  const issuer = `http://${options.host}:${port}`;

  const provider = new Provider(issuer, configuration(options));
  const oidc = provider.callback();
  handle = (req, res) => {
    const interaction = req.url?.match(/^\/interaction\/([\w-]+)(?:\/(login|abort))?$/);
    if (!interaction) return oidc(req, res);
    handleInteraction(provider, req, res, interaction[2]).catch((error: unknown) => {
      // Usually an expired or replayed interaction (its cookie is gone): start again from Slipway.
      const message = error instanceof Error ? error.message : String(error);
      send(res, 400, renderMessagePage("Sign-in could not continue", `${message}. Go back to Slipway and sign in again.`));
    });
  };

  return {
    issuer,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function configuration(options: DevIdpOptions): Record<string, unknown> {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const policy = interactionPolicy.base();
  // Ask whom to sign in as on every sign-in, not only the first, so that after signing
  // out of Slipway one can pick another demo user. A resumed interaction carries its result.
  policy
    .get("login")
    ?.checks.push(
      new interactionPolicy.Check("pick_user", "the development IdP asks every time", "login_required", (ctx) => !ctx.oidc.result?.login),
    );
  return {
    clients: [
      {
        client_id: options.clientId,
        client_secret: options.clientSecret,
        redirect_uris: options.redirectUris,
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    jwks: { keys: [{ ...privateKey.export({ format: "jwk" }), use: "sig", alg: "RS256" }] },
    cookies: { keys: [randomBytes(32).toString("base64url")] },
    // Put email and name in the ID token itself, which is what next-auth reads.
    conformIdTokenClaims: false,
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    scopes: SCOPES.split(" "),
    features: { devInteractions: { enabled: false } },
    interactions: { policy, url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    findAccount: (_ctx: unknown, subject: string) => {
      const user = findDevUser(subject);
      if (!user) return undefined;
      return {
        accountId: user.subject,
        claims: () => ({ sub: user.subject, email: user.email, email_verified: true, name: user.name }),
      };
    },
    // Slipway is a first-party client: grant it the scopes without a consent screen.
    loadExistingGrant: async (ctx: OidcContext) => {
      const { client, session, result, provider } = ctx.oidc;
      if (!client || !session) return undefined;
      const grantId = result?.consent?.grantId ?? session.grantIdFor(client.clientId);
      if (grantId) return provider.Grant.find(grantId);
      const grant = new provider.Grant({ clientId: client.clientId, accountId: session.accountId });
      grant.addOIDCScope(SCOPES);
      await grant.save();
      return grant;
    },
    renderError: (ctx: { type: string; body: string }, out: Record<string, string>) => {
      ctx.type = "html";
      ctx.body = renderMessagePage("Sign-in failed", out.error_description ?? out.error ?? "unknown error");
    },
    ttl: { AccessToken: 600, AuthorizationCode: 60, IdToken: 3600, Interaction: 600, Session: 3600, Grant: 3600 },
  };
}

async function handleInteraction(provider: Provider, req: IncomingMessage, res: ServerResponse, step: string | undefined) {
  const details = await provider.interactionDetails(req, res);
  if (details.prompt.name !== "login") {
    throw new Error(`unexpected prompt "${details.prompt.name}"`);
  }
  if (req.method === "GET" && !step) {
    return send(res, 200, renderLoginPage({ uid: details.uid, users: devUsers }));
  }
  if (req.method !== "POST") return send(res, 405, renderMessagePage("Method not allowed", "Use the sign-in page."));
  if (step === "abort") {
    const result = { error: "access_denied", error_description: "Sign-in was cancelled." };
    return provider.interactionFinished(req, res, result, { mergeWithLastSubmission: false });
  }
  const subject = new URLSearchParams(await readBody(req)).get("subject") ?? "";
  const user = findDevUser(subject);
  if (!user) {
    return send(res, 400, renderLoginPage({ uid: details.uid, users: devUsers, error: `There is no demo user "${subject}".` }));
  }
  await provider.interactionFinished(req, res, { login: { accountId: user.subject } }, { mergeWithLastSubmission: false });
}

async function readBody(req: IncomingMessage): Promise<string> {
  let body = "";
  for await (const chunk of req) {
    body += chunk;
    if (body.length > 10_000) throw new Error("request body too large");
  }
  return body;
}

function send(res: ServerResponse, status: number, html: string) {
  res.writeHead(status, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
  res.end(html);
}
