import { z } from "zod";
import { userUseCase } from "@/lib/usecase/define";
import { noInput } from "@/lib/validation/wire";

export const getMe = userUseCase({
  name: "getMe",
  summary: "Who you are to Slipway",
  input: noInput,
  output: z.object({ id: z.uuid(), email: z.string(), name: z.string().nullable(), isPlatformAdmin: z.boolean() }),
  route: { method: "GET", path: "/me" },
  async run({ ctx }) {
    const { id, email, name, isPlatformAdmin } = ctx.actor;
    return { id, email, name, isPlatformAdmin };
  },
});
