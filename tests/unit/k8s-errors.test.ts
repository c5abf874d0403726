import { ApiException } from "@kubernetes/client-node";
import { describe, expect, it, test } from "vitest";
import { AppError } from "@/lib/errors";
import { K8sError, k8sErrorFromStatus, toK8sError } from "@/lib/k8s/errors";

const context = { verb: "get", kind: "Deployment", name: "web", namespace: "team-b", cluster: "https://k8s.example" };
const statusBody = (code: number, reason: string, message: string) =>
  JSON.stringify({ kind: "Status", apiVersion: "v1", status: "Failure", code, reason, message });

describe("toK8sError", () => {
  test("a 403 keeps the server's reason and message and says what was refused", () => {
    const error = toK8sError(
      new ApiException(403, "Unknown API Status Code!", statusBody(403, "Forbidden", 'deployments.apps "web" is forbidden'), {}),
      context,
    );
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({
      code: "FORBIDDEN",
      status: 403,
      clusterStatus: 403,
      reason: "Forbidden",
      namespace: "team-b",
      cluster: "https://k8s.example",
      serverMessage: 'deployments.apps "web" is forbidden',
    });
    expect(error.message).toBe(
      'The cluster refused to let this identity get Deployment "web" in namespace "team-b". (deployments.apps "web" is forbidden)',
    );
  });

  test.each([
    [401, undefined, "CLUSTER_ERROR", "Unauthorized"],
    [404, statusBody(404, "NotFound", "not found"), "NOT_FOUND", "NotFound"],
    [409, statusBody(409, "Conflict", "conflict"), "CONFLICT", "Conflict"],
    [422, statusBody(422, "Invalid", "bad spec"), "INVALID_INPUT", "Invalid"],
    [500, "oops", "CLUSTER_ERROR", "HTTP500"],
  ])("HTTP %i becomes %s", (code, body, appCode, reason) => {
    expect(toK8sError(new ApiException(code, "x", body, {}), context)).toMatchObject({
      code: appCode,
      clusterStatus: code,
      reason,
    });
  });

  test("an aborted request is a timeout; a refused connection is unreachable", () => {
    const abort = Object.assign(new Error("The user aborted a request."), { name: "AbortError", type: "aborted" });
    expect(toK8sError(abort, context)).toMatchObject({ code: "UNAVAILABLE", reason: "Timeout", clusterStatus: undefined });

    const refused = Object.assign(new Error("request failed"), { name: "FetchError", code: "ECONNREFUSED" });
    const error = toK8sError(refused, context);
    expect(error).toMatchObject({ code: "UNAVAILABLE", reason: "Unreachable" });
    expect(error.message).toBe(
      'Could not reach the cluster at https://k8s.example (ECONNREFUSED) while trying to get Deployment "web" in namespace "team-b".',
    );
  });

  test("a certificate problem is a cluster error, not an outage", () => {
    const tls = Object.assign(new Error("self-signed certificate"), { code: "SELF_SIGNED_CERT_IN_CHAIN" });
    expect(toK8sError(tls, context)).toMatchObject({ code: "CLUSTER_ERROR", reason: "TLS" });
  });

  test("a K8sError passes through unchanged", () => {
    const original = new K8sError("NOT_FOUND", "gone", { reason: "NotFound", clusterStatus: 404 });
    expect(toK8sError(original, context)).toBe(original);
  });
});

describe("[k8s] isK8sError", () => {
  it("recognises a K8sError by its brand, also one made by another copy of the module", async () => {
    const { isK8sError, isTransientK8sError } = await import("@/lib/k8s/errors");
    const real = toK8sError(Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }), { verb: "get" });
    expect(isK8sError(real)).toBe(true);
    expect(isTransientK8sError(real)).toBe(true);
    // What a second bundle's class produces: not an instance of ours, same brand.
    const foreign = Object.assign(new Error("x"), { [Symbol.for("slipway.K8sError")]: true, clusterStatus: 404 });
    expect(foreign instanceof K8sError).toBe(false);
    expect(isK8sError(foreign)).toBe(true);
    expect(isK8sError(new Error("x"))).toBe(false);
    expect(isTransientK8sError(k8sErrorFromStatus(403, "", {}))).toBe(false);
    expect(isTransientK8sError(k8sErrorFromStatus(503, "", {}))).toBe(true);
  });
});
