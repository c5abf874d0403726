import { userRoute } from "@/lib/api/route";
import { revokeApiToken, revokeApiTokenSchema } from "@/lib/tokens/revoke-api-token";

export const DELETE = userRoute({ schema: revokeApiTokenSchema, input: "none" }, async ({ actor, request, input }) => ({
  body: await revokeApiToken({ actor, request, input }),
}));
