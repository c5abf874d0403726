"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/adapters/form-action";
import { createApiToken } from "@/lib/tokens/create-api-token";
import { revokeApiToken } from "@/lib/tokens/revoke-api-token";

export const createTokenAction = formAction(createApiToken, {
  done: ({ output }) => {
    revalidatePath("/settings/tokens");
    return { message: `Created "${output.name}". Copy it now: it is not shown again.`, secret: output.token };
  },
});

export const revokeTokenAction = formAction(revokeApiToken, {
  done: () => {
    revalidatePath("/settings/tokens");
    return { message: "Token revoked." };
  },
});
