import { z } from "zod";
import { db } from "@/lib/db";
import { adminUseCase } from "@/lib/usecase/define";
import { noInput } from "@/lib/validation/wire";
import { adminUserSelect, adminUserView } from "./admin-user.types";

export const listUsers = adminUseCase({
  name: "listUsers",
  summary: "Everyone Slipway knows, with their identity and whether they are disabled (platform admins)",
  input: noInput,
  output: z.object({ users: z.array(adminUserView) }),
  route: { method: "GET", path: "/admin/users" },
  async run() {
    const users = await db().user.findMany({ orderBy: { email: "asc" }, take: 1000, select: adminUserSelect });
    return { users };
  },
});
