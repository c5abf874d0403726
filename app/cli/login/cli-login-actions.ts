"use server";

import { formAction } from "@/lib/adapters/form-action";
import { approveCliLogin } from "@/lib/cli-login/approve-cli-login";

export const approveCliLoginAction = formAction(approveCliLogin, {
  done: ({ output }) => ({ message: `Approved. slipway on ${output.clientName} is signed in as you; you can close this tab.` }),
});
