"use client";

import { useState, useSyncExternalStore } from "react";

type Theme = "light" | "dark";

const DARK = "(prefers-color-scheme: dark)";

function subscribeToScheme(onChange: () => void) {
  const query = window.matchMedia(DARK);
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
}

/**
 * Pins the other theme than the one showing (the system's, until someone picks one).
 * The choice is a cookie, so the server renders <html data-theme> with it next time.
 */
export function ThemeToggle({ initial }: { initial?: Theme }) {
  const [chosen, setChosen] = useState<Theme | undefined>(initial);
  const systemDark = useSyncExternalStore(
    subscribeToScheme,
    () => window.matchMedia(DARK).matches,
    () => false,
  );
  const theme: Theme = chosen ?? (systemDark ? "dark" : "light");
  const next: Theme = theme === "dark" ? "light" : "dark";
  const toggle = () => {
    document.documentElement.dataset.theme = next;
    document.cookie = `theme=${next}; path=/; max-age=31536000; samesite=lax`;
    setChosen(next);
  };
  return (
    <button
      type="button"
      onClick={toggle}
      className="rounded-md border border-slate-300 px-2 py-1 text-xs text-slate-700"
      data-testid="theme-toggle"
      aria-label={`Use the ${next} theme`}
    >
      {next === "dark" ? "Dark" : "Light"}
    </button>
  );
}
