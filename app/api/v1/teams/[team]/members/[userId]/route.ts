import { apiRoute } from "@/lib/adapters/api-route";
import { changeMemberRole } from "@/lib/members/change-member-role";
import { removeMember } from "@/lib/members/remove-member";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoute(changeMemberRole, removeMember);
