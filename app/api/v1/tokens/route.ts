import { z } from "zod";
import { userRoute } from "@/lib/api/route";
import { createApiToken } from "@/lib/tokens/create-api-token";
import { createApiTokenSchema } from "@/lib/tokens/create-api-token.types";
import { listApiTokens } from "@/lib/tokens/list-api-tokens";

export const GET = userRoute({ schema: z.object({}), input: "none" }, async ({ actor }) => ({
  body: { tokens: await listApiTokens({ actor }) },
}));

export const POST = userRoute({ schema: createApiTokenSchema, input: "body" }, async ({ actor, request, input }) => ({
  status: 201,
  body: await createApiToken({ actor, request, input }),
}));
