"use client";

import { useEffect, useRef, useState } from "react";

/**
 * Whether a `<details>` is open, for content drawn only once someone opens it (what a
 * closed one hides still costs the server to render and the page to carry).
 */
export function useDetailsOpen() {
  const ref = useRef<HTMLDetailsElement>(null);
  const [open, setOpen] = useState(false);
  // Opened before the page was interactive: the toggle event came before React listened.
  useEffect(() => {
    if (ref.current?.open) setOpen(true);
  }, []);
  return { ref, open, onToggle: (event: React.SyntheticEvent<HTMLDetailsElement>) => setOpen(event.currentTarget.open) };
}
