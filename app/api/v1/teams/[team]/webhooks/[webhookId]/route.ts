import { apiRoute } from "@/lib/adapters/api-route";
import { deleteWebhook } from "@/lib/webhooks/delete-webhook";
import { updateWebhook } from "@/lib/webhooks/update-webhook";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoute(updateWebhook, deleteWebhook);
