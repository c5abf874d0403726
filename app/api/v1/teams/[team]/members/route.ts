import { apiRoute } from "@/lib/adapters/api-route";
import { listMembers } from "@/lib/members/list-members";
import { addMember } from "@/lib/members/add-member";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoute(listMembers, addMember);
