import { z } from "zod";
import { userRoute } from "@/lib/api/route";
import { getDashboard } from "@/lib/dashboard/get-dashboard";

/** The home page's data: my teams, my apps and their status, recent deploys, 30-day charts. */
export const GET = userRoute({ schema: z.object({}), input: "none" }, async ({ actor }) => ({
  body: await getDashboard({ actor }),
}));
