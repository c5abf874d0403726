"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/adapters/form-action";
import { setUserDisabled } from "@/lib/users/set-user-disabled";
import { unlinkUserIdentity } from "@/lib/users/unlink-user-identity";

export const disableUserAction = formAction(setUserDisabled, {
  fromForm: () => ({ disabled: true }),
  done: ({ output }) => {
    revalidatePath("/admin/users");
    return { message: `${output.email} is disabled; their sessions and tokens stopped working.` };
  },
});

export const enableUserAction = formAction(setUserDisabled, {
  fromForm: () => ({ disabled: false }),
  done: ({ output }) => {
    revalidatePath("/admin/users");
    return { message: `${output.email} may sign in again.` };
  },
});

export const unlinkUserIdentityAction = formAction(unlinkUserIdentity, {
  done: ({ output }) => {
    revalidatePath("/admin/users");
    return { message: `${output.email}'s next sign-in with that email links their new identity.` };
  },
});
