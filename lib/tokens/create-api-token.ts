import { db } from "@/lib/db";
import type { Actor, RequestInfo } from "@/lib/authz/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { CreateApiTokenInput } from "./create-api-token.types";
import { generateToken } from "./token-format";

const DAY_MS = 24 * 60 * 60 * 1000;

/** Creates a token for the actor themselves. The plain token is returned once, never stored. */
export async function createApiToken(options: { actor: Actor; request: RequestInfo; input: CreateApiTokenInput }) {
  const { actor, input } = options;
  const { token, hash, prefix } = generateToken();
  const record = await db().$transaction(async (tx) => {
    const created = await tx.apiToken.create({
      data: { userId: actor.id, name: input.name, tokenHash: hash, prefix, expiresAt: new Date(Date.now() + input.expiresInDays * DAY_MS) },
      select: { id: true, name: true, prefix: true, expiresAt: true, createdAt: true },
    });
    await recordAuditEvent({
      tx,
      actor,
      action: "token.create",
      target: { type: "token", id: created.id },
      data: { name: created.name, prefix, expiresAt: created.expiresAt.toISOString(), via: actor.via },
      request: options.request,
    });
    return created;
  });
  return { token, ...record };
}
