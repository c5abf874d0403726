import { apiRoute } from "@/lib/adapters/api-route";
import { rotateWebhookSecret } from "@/lib/webhooks/rotate-webhook-secret";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoute(rotateWebhookSecret);
