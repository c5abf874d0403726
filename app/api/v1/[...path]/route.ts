import { requestInfo } from "@/lib/adapters/request-info";
import { errorResponse } from "@/lib/adapters/respond";
import { AppError } from "@/lib/errors";

/** Unknown API paths answer in the API's own error format, not an HTML page. */
function notFound(request: Request) {
  const path = new URL(request.url).pathname;
  const error = new AppError("NOT_FOUND", `No API route ${request.method} ${path}. See /api/v1/openapi.json.`);
  return Promise.resolve(errorResponse(error, requestInfo(request.headers).id));
}

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
