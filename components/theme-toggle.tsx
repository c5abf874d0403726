"use client";

import { useEffect, useState } from "react";

type Theme = "light" | "dark";

/**
 * Pins the other theme than the one showing (the system's, until someone picks one).
 * The choice is a cookie, so the server renders <html data-theme> with it next time.
 */
export function ThemeToggle({ initial }: { initial?: Theme }) {
  const [theme, setTheme] = useState<Theme | undefined>(initial);
  useEffect(() => {
    if (!initial) setTheme(window.matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light");
  }, [initial]);
  const next: Theme = theme === "dark" ? "light" : "dark";
  const toggle = () => {
    document.documentElement.dataset.theme = next;
    document.cookie = `theme=${next}; path=/; max-age=31536000; samesite=lax`;
    setTheme(next);
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
