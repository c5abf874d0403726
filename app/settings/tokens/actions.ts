"use server";

import { revalidatePath } from "next/cache";
import { userAction } from "@/lib/authz/actions";
import { createApiToken } from "@/lib/tokens/create-api-token";
import { createApiTokenSchema } from "@/lib/tokens/create-api-token.types";
import { revokeApiToken, revokeApiTokenSchema } from "@/lib/tokens/revoke-api-token";

export const createTokenAction = userAction(createApiTokenSchema, async ({ actor, request, input }) => {
  const created = await createApiToken({ actor, request, input });
  revalidatePath("/settings/tokens");
  return { message: `Created "${created.name}". Copy it now: it is not shown again.`, secret: created.token };
});

export const revokeTokenAction = userAction(revokeApiTokenSchema, async ({ actor, request, input }) => {
  await revokeApiToken({ actor, request, input });
  revalidatePath("/settings/tokens");
  return { message: "Token revoked." };
});
