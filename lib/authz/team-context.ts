/**
 * Contexts are the proof that an authorization check ran, and which one. Only
 * lib/authz/authorize.ts makes them. A TeamContext<"app.scale"> carries the permissions
 * it was checked for as keys of a type-only brand, so a context made for "app.read"
 * cannot be passed where "app.scale" is required (tests/unit/team-context.types.test.ts).
 */
import type { Role } from "@/lib/generated/prisma/enums";
import type { Actor, RequestInfo } from "./actor";
import type { TeamPermission } from "./permissions";

declare const granted: unique symbol;
declare const adminChecked: unique symbol;
declare const signedIn: unique symbol;

export type TeamRef = { id: string; slug: string; name: string; namespace: string };

/** What every team context holds, whatever it was checked for. */
type TeamContextBase = {
  readonly actor: Actor;
  readonly team: TeamRef;
  /** The actor's role in the team; null for a platform admin who is not a member. */
  readonly role: Role | null;
  readonly request: RequestInfo;
};

/**
 * `P` is every permission checked. Helpers that only need to know the team (reads
 * scoped to it) take `AnyTeamContext`; use-cases name what they need.
 */
export type TeamContext<P extends TeamPermission> = TeamContextBase & { readonly [granted]: { readonly [K in P]: true } };

export type AnyTeamContext = TeamContextBase & { readonly [granted]: object };

/** Any signed-in person or token, acting on their own things. */
export type UserContext = { readonly actor: Actor; readonly request: RequestInfo; readonly [signedIn]: true };

/** No one in particular: a request without a credential (public use-cases only). */
export type PublicContext = { readonly request: RequestInfo };

export type PlatformAdminContext = { readonly actor: Actor; readonly request: RequestInfo; readonly [adminChecked]: true };
