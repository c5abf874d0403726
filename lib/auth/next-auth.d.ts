import "next-auth";

declare module "next-auth" {
  interface Session {
    /** Slipway's User.id (the JWT's `sub`); lib/auth/session.ts reads the row itself. */
    userId?: string;
    /** User.sessionVersion when this session began; an older one is refused. */
    sessionVersion?: number;
  }
  interface User {
    sessionVersion?: number;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    /** User.sessionVersion at sign-in (lib/auth/session-user.ts). */
    sv?: number;
  }
}
