import { apiRoute } from "@/lib/adapters/api-route";
import { streamReleaseEvents } from "@/lib/deploys/stream-release-events";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoute(streamReleaseEvents);
