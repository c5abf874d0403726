import { json } from "@/lib/api/respond";

/** Unknown API paths answer in the API's own error format, not an HTML page. */
function notFound(request: Request) {
  const path = new URL(request.url).pathname;
  return json({ error: { code: "NOT_FOUND", message: `No API route ${request.method} ${path}. See /api/v1/openapi.json.` } }, 404);
}

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
