import Link from "next/link";

/**
 * Which environment the app page shows and acts on (status, scale and restart, live
 * state, logs, release history): plain links to `?env=`, so the choice is in the address,
 * survives a reload, and works from the keyboard; the chosen one carries aria-current.
 */
export function EnvironmentSwitcher(props: { base: string; environments: { name: string; default: boolean }[]; chosen: string }) {
  return (
    <nav aria-label="Environment shown" className="flex flex-wrap items-center gap-2 text-sm">
      <span className="text-slate-600">Showing</span>
      {props.environments.map(({ name, default: isDefault }) => {
        const current = name === props.chosen;
        return (
          <Link
            key={name}
            href={isDefault ? props.base : `${props.base}?env=${encodeURIComponent(name)}`}
            aria-current={current ? "page" : undefined}
            data-testid={`show-environment-${name}`}
            className={
              current
                ? "rounded-md border border-slate-900 bg-slate-900 px-3 py-1 font-medium text-white"
                : "rounded-md border border-slate-300 bg-white px-3 py-1 text-blue-700 underline-offset-2 hover:underline"
            }
          >
            {name}
            {isDefault && <span className="sr-only"> (default)</span>}
          </Link>
        );
      })}
    </nav>
  );
}
