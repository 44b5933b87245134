import type { ReactNode } from 'react';

/**
 * A table of records as every list page shows one: scrollable on narrow screens, one header cell
 * per column (`scope="col"`), the rows given as children (each starting with its `scope="row"`
 * header cell where the row has a name).
 */
export function DataTable({
  columns,
  caption,
  className,
  children,
}: {
  columns: ReactNode[];
  /** For screen readers: what the table lists. */
  caption?: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className="table-wrap">
      <table className={className}>
        {caption ? <caption className="visually-hidden">{caption}</caption> : null}
        <thead>
          <tr>
            {columns.map((column, i) => (
              <th key={i} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
