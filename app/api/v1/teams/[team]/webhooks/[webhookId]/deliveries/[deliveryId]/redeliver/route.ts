import { apiRoute } from "@/lib/adapters/api-route";
import { redeliverWebhook } from "@/lib/webhooks/redeliver-webhook";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoute(redeliverWebhook);
