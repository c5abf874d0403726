import { z } from "zod";
import { userRoute } from "@/lib/api/route";

export const GET = userRoute({ schema: z.object({}), input: "none" }, async ({ actor }) => ({
  body: { id: actor.id, email: actor.email, name: actor.name, isPlatformAdmin: actor.isPlatformAdmin },
}));
