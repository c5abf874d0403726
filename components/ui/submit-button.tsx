"use client";

import { useFormStatus } from "react-dom";

const STYLES = {
  primary: "bg-slate-900 text-white hover:bg-slate-700",
  danger: "bg-red-700 text-white hover:bg-red-800",
  secondary: "border border-slate-300 bg-white text-slate-800 hover:bg-slate-50",
};

export function SubmitButton({
  children,
  pendingLabel,
  variant = "primary",
}: {
  children: React.ReactNode;
  pendingLabel: string;
  variant?: keyof typeof STYLES;
}) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      disabled={pending}
      aria-disabled={pending}
      className={`rounded-md px-3 py-1.5 text-sm font-medium focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 disabled:opacity-60 ${STYLES[variant]}`}
    >
      {pending ? pendingLabel : children}
    </button>
  );
}
