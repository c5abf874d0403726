import { describe, expect, it } from "vitest";
import { buildPersonRoleBinding, buildPersonServiceAccount, personServiceAccountName } from "@/lib/k8s/person-access";

const access = { team: "payments", namespace: "team-payments", personId: "8a0c5c3e-8f39-4f43-9a53-2d8f7a9e1b01", role: "viewer" as const };

describe("[k8s] a person's kubectl account", () => {
  it("has a stable DNS-safe name that does not reveal who it is", () => {
    const name = personServiceAccountName(access.personId);
    expect(name).toMatch(/^slipway-person-[0-9a-f]{16}$/);
    expect(personServiceAccountName(access.personId)).toBe(name);
    expect(personServiceAccountName("someone-else")).not.toBe(name);
  });

  it("binds the person's account to their role's team ClusterRole, in the namespace only", () => {
    const account = buildPersonServiceAccount(access);
    expect(account).toMatchObject({
      kind: "ServiceAccount",
      metadata: { namespace: "team-payments" },
      automountServiceAccountToken: false,
    });
    expect(buildPersonRoleBinding(access)).toMatchObject({
      kind: "RoleBinding",
      metadata: { name: account.metadata!.name, namespace: "team-payments" },
      roleRef: { kind: "ClusterRole", name: "slipway-team-viewer" },
      subjects: [{ kind: "ServiceAccount", name: account.metadata!.name, namespace: "team-payments" }],
    });
    expect(buildPersonRoleBinding({ ...access, role: "deployer" }).roleRef.name).toBe("slipway-team-deployer");
  });
});
