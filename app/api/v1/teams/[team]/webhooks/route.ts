import { apiRoute } from "@/lib/adapters/api-route";
import { createWebhook } from "@/lib/webhooks/create-webhook";
import { listWebhooks } from "@/lib/webhooks/list-webhooks";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoute(listWebhooks, createWebhook);
