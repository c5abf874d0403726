import "next-auth";

declare module "next-auth" {
  interface Session {
    /** Slipway's User.id (the JWT's `sub`); lib/auth/session.ts reads the row itself. */
    userId?: string;
  }
}
