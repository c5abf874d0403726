/**
 * The bordered table every list in Slipway uses: a caption for screen readers (or an
 * aria-label), column headers, and the rows the caller renders.
 */
export type Column = string | { label: string; hidden?: boolean };

export function DataTable(props: { caption?: string; label?: string; columns: Column[]; children: React.ReactNode; dense?: boolean }) {
  const cell = props.dense ? "px-3 py-2" : "px-4 py-2";
  return (
    <table aria-label={props.label} className="w-full overflow-hidden rounded-lg border border-slate-200 bg-white text-left text-sm">
      {props.caption && <caption className="sr-only">{props.caption}</caption>}
      <thead className="bg-slate-50 text-slate-600">
        <tr>
          {props.columns.map((column) => {
            const { label, hidden } = typeof column === "string" ? { label: column, hidden: false } : column;
            return (
              <th key={label} scope="col" className={`${cell} font-medium`}>
                {hidden ? <span className="sr-only">{label}</span> : label}
              </th>
            );
          })}
        </tr>
      </thead>
      <tbody>{props.children}</tbody>
    </table>
  );
}
