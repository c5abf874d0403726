"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/adapters/form-action";
import { checkCluster } from "@/lib/clusters/check-cluster";
import { registerCluster } from "@/lib/clusters/register-cluster";

export const registerClusterAction = formAction(registerCluster, {
  writeOnly: ["token"],
  done: ({ output }) => {
    revalidatePath("/admin/clusters");
    return { message: `Registered ${output.name} (${output.server}). Check it before teams use it.` };
  },
});

export const checkClusterAction = formAction(checkCluster, {
  done: ({ output }) => {
    if (!output.reachable || output.problems.length > 0) return { message: `${output.cluster}: ${output.problems.join(" ")}` };
    const policies = output.admissionPolicies?.installed.length ?? 0;
    return {
      message: `${output.cluster}: reachable, ${output.version}; the platform role is bound; ${policies} admission policies installed.`,
    };
  },
});
