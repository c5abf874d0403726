/**
 * A wide table's own sideways scroll area, so a narrow screen scrolls the table and not
 * the page. Focusable and named, so a keyboard user can reach and scroll it. `relative`
 * matters: without a positioned ancestor inside the scroll area, absolutely positioned
 * descendants (the `sr-only` label of a hidden column header) escape it and widen the page.
 */
export function ScrollRegion({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="relative overflow-x-auto" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
