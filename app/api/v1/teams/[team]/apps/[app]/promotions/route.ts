import { apiRoute } from "@/lib/adapters/api-route";
import { getPromotions } from "@/lib/deploys/get-promotions";
import { promoteRelease } from "@/lib/deploys/promote-release";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoute(getPromotions, promoteRelease);
