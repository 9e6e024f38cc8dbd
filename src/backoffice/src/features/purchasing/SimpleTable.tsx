import type { ReactNode } from 'react'

interface SimpleTableProps {
  caption: string
  headers: readonly string[]
  rows: readonly { id: string; cells: readonly ReactNode[] }[]
  rowTestId?: string
}

/** A small accessible table (caption, column headers) for purchasing's lists and lines. */
export function SimpleTable({ caption, headers, rows, rowTestId }: SimpleTableProps) {
  return (
    <div className="bo-table-wrap">
      <table className="bo-table">
        <caption className="bo-visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {headers.map((header) => (
              <th key={header} scope="col">
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} data-testid={rowTestId}>
              {row.cells.map((cell, index) => (
                <td key={index}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
