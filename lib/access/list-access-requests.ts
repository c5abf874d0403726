import { z } from "zod";
import { db } from "@/lib/db";
import { teamUseCase } from "@/lib/usecase/define";
import { accessRequestSelect, accessRequestView, toAccessRequestView } from "./access-request.types";

/** The team's access requests for its leads: pending ones (default), or the latest 100 of every kind. */
export const listAccessRequests = teamUseCase({
  name: "listAccessRequests",
  summary: "The team's access requests: pending ones, or all recent ones with `status=all`",
  permissions: ["access.approve"],
  input: z.object({
    status: z.enum(["pending", "all"], { error: "must be pending or all" }).optional().default("pending"),
  }),
  output: z.object({ requests: z.array(accessRequestView) }),
  route: { method: "GET", path: "/teams/{team}/access-requests", body: "query" },
  async run({ ctx, input }) {
    const now = new Date();
    const rows = await db().accessRequest.findMany({
      where: { teamId: ctx.team.id, ...(input.status === "pending" ? { status: "PENDING", expiresAt: { gt: now } } : {}) },
      select: accessRequestSelect,
      orderBy: { createdAt: input.status === "pending" ? "asc" : "desc" },
      take: 100,
    });
    return { requests: rows.map((row) => toAccessRequestView(row, now)) };
  },
});
