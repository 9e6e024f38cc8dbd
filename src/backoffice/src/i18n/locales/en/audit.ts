/** audit strings (en): the audit log page. Keys match ar/audit.ts; the log's words are src/shared/audit. */
const audit = {
  title: 'Audit log',
  filters: 'Audit log filters',
  from: 'From',
  to: 'To',
  stores: 'Stores (none picked: all)',
  action: 'Action',
  employee: 'Employee',
  register: 'Register',
  search: 'Words',
  any: 'Any',
  show: 'Show',
  exportCsv: 'Export CSV',
  loadMore: 'Load more',
  empty: 'Nothing recorded for these filters.',
  columns: {
    when: 'When (store time)',
    store: 'Store',
    register: 'Register',
    who: 'Who',
    action: 'Action',
    description: 'What happened',
    approvedBy: 'Approved by',
    amount: 'Amount',
  },
}

export default audit
