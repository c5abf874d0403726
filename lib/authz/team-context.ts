/**
 * TeamContext is the proof that the authorization check ran: use-cases that act on a
 * team take one, and only authorizeTeam (this folder) can make one.
 */
import type { Role } from "@/lib/generated/prisma/enums";
import type { Actor, RequestInfo } from "./actor";

declare const checked: unique symbol;

export type TeamRef = { id: string; slug: string; name: string; namespace: string };

export type TeamContext = {
  readonly actor: Actor;
  readonly team: TeamRef;
  /** The actor's role in the team; null for a platform admin who is not a member. */
  readonly role: Role | null;
  readonly request: RequestInfo;
  readonly [checked]: true;
};

export type PlatformAdminContext = {
  readonly actor: Actor;
  readonly request: RequestInfo;
  readonly [checked]: "admin";
};
