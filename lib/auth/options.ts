/**
 * next-auth configuration. Sessions are JWTs in httpOnly cookies (next-auth marks them
 * Secure when NEXTAUTH_URL is https); the token holds only Slipway's user id, and every
 * request re-reads the user (lib/auth/session-user.ts), so a changed admin flag or a
 * disabled user takes effect at once, and the session version in the token ends older
 * sessions on sign-out.
 */
import type { AuthOptions, Profile } from "next-auth";
import type { OAuthConfig } from "next-auth/providers/oauth";
import GitHubProvider from "next-auth/providers/github";
import { env } from "@/lib/env";
import { sameOriginRedirect } from "./callback-url";
import { authSecret } from "./secret";
import { endSessions } from "./session-user";
import { SignInRefusedError, signInUser } from "./sign-in-user";

type IdTokenClaims = Profile & { iss?: string; email_verified?: boolean; groups?: unknown };

const GITHUB_ISSUER = "https://github.com";

function oidcProvider(issuer: string): OAuthConfig<IdTokenClaims> {
  return {
    id: "oidc",
    name: env.SLIPWAY_DEV_IDP ? "Development IdP" : "Single sign-on",
    type: "oauth",
    wellKnown: `${issuer}/.well-known/openid-configuration`,
    idToken: true,
    checks: ["pkce", "state"],
    clientId: env.OIDC_CLIENT_ID,
    clientSecret: env.OIDC_CLIENT_SECRET,
    authorization: { params: { scope: env.OIDC_SCOPES } },
    profile: (claims) => ({ id: claims.sub ?? "", name: claims.name ?? null, email: claims.email ?? null }),
  };
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}

export const authOptions: AuthOptions = {
  secret: authSecret(),
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 }, // a working day: sessions carry deploy rights
  pages: { signIn: "/signin", error: "/signin" },
  providers: [
    ...(env.OIDC_ISSUER ? [oidcProvider(env.OIDC_ISSUER)] : []),
    ...(env.GITHUB_ID && env.GITHUB_SECRET ? [GitHubProvider({ clientId: env.GITHUB_ID, clientSecret: env.GITHUB_SECRET })] : []),
  ],
  callbacks: {
    async signIn({ user, account, profile }) {
      if (!account) return false;
      const claims = (profile ?? {}) as IdTokenClaims;
      try {
        const row = await signInUser({
          issuer: account.provider === "oidc" ? (claims.iss ?? env.OIDC_ISSUER!) : GITHUB_ISSUER,
          subject: account.providerAccountId,
          email: user.email,
          emailVerified: claims.email_verified,
          name: user.name,
          groups: stringList(claims.groups),
        });
        // next-auth hands this same object to the jwt callback.
        user.id = row.id;
        user.sessionVersion = row.sessionVersion;
        return true;
      } catch (error) {
        if (error instanceof SignInRefusedError) return `/signin?error=${error.reason}`;
        throw error;
      }
    },
    jwt({ token, user }) {
      // Only the id and the session version: name, email and flags are read from the database on each request.
      return user ? { sub: user.id, sv: user.sessionVersion } : token;
    },
    session({ session, token }) {
      return { expires: session.expires, userId: token.sub, sessionVersion: token.sv };
    },
    redirect: sameOriginRedirect,
  },
  events: {
    // Signing out anywhere ends every session of the person, not just this cookie.
    async signOut({ token }) {
      if (token?.sub) await endSessions(token.sub);
    },
  },
};
