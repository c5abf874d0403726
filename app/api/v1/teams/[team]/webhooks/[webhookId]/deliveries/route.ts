import { apiRoute } from "@/lib/adapters/api-route";
import { listWebhookDeliveries } from "@/lib/webhooks/list-webhook-deliveries";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoute(listWebhookDeliveries);
