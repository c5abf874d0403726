"use client";

import { useState } from "react";

/** Copies `text` to the clipboard and says so; where the clipboard is not allowed, says to copy by hand. */
export function CopyButton({ text, label = "Copy" }: { text: string; label?: string }) {
  const [copied, setCopied] = useState<"yes" | "no" | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied("yes");
    } catch {
      setCopied("no");
    }
  };
  return (
    <span className="inline-flex items-center gap-2">
      <button type="button" onClick={copy} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm">
        {label}
      </button>
      <span role="status" aria-live="polite" className="text-sm text-slate-600">
        {copied === "yes" ? "Copied." : copied === "no" ? "Could not copy: select it and copy by hand." : ""}
      </span>
    </span>
  );
}
