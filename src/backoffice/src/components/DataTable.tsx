import {
  createColumnHelper,
  tableFeatures,
  useTable,
  type ColumnHelper,
  type RowData,
} from '@tanstack/react-table'

/** The lists here only display rows: no sorting or paging state to register. */
export const tableFeatureSet = tableFeatures({})
type Features = typeof tableFeatureSet

/** What `columnHelper<Row>().columns([...])` returns: columns of any value type. */
export type Columns<Row extends RowData> = ReturnType<ColumnHelper<Features, Row>['columns']>

export function columnHelper<Row extends RowData>(): ColumnHelper<Features, Row> {
  return createColumnHelper<Features, Row>()
}

interface DataTableProps<Row extends RowData> {
  caption: string
  columns: Columns<Row>
  data: Row[]
  rowId: (row: Row) => string
  /** Tests and e2e find a row by this. */
  rowTestId?: string
}

/** A plain, accessible table (caption, header cells) over @tanstack/react-table's row model. */
export function DataTable<Row extends RowData>({
  caption,
  columns,
  data,
  rowId,
  rowTestId,
}: DataTableProps<Row>) {
  const table = useTable({
    features: tableFeatureSet,
    columns,
    data,
    getRowId: (row) => rowId(row),
  })
  return (
    <div className="bo-table-wrap">
      <table className="bo-table">
        <caption className="bo-visually-hidden">{caption}</caption>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => (
                <th key={header.id} scope="col">
                  {header.isPlaceholder ? null : <table.FlexRender header={header} />}
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id} data-testid={rowTestId}>
              {row.getAllCells().map((cell) => (
                <td key={cell.id}>
                  <table.FlexRender cell={cell} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
