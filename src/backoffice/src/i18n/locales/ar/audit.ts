/** audit strings (ar): the audit log page. Keys match en/audit.ts; the log's words are src/shared/audit. */
const audit = {
  title: 'سجل التدقيق',
  filters: 'عوامل تصفية سجل التدقيق',
  from: 'من',
  to: 'إلى',
  stores: 'المتاجر (بلا اختيار: الكل)',
  action: 'الإجراء',
  employee: 'الموظف',
  register: 'نقطة البيع',
  search: 'كلمات',
  any: 'الكل',
  show: 'عرض',
  exportCsv: 'تصدير CSV',
  loadMore: 'تحميل المزيد',
  empty: 'لا شيء مسجّل لعوامل التصفية هذه.',
  columns: {
    when: 'الوقت (بتوقيت المتجر)',
    store: 'المتجر',
    register: 'نقطة البيع',
    who: 'من',
    action: 'الإجراء',
    description: 'ما حدث',
    approvedBy: 'بموافقة',
    amount: 'المبلغ',
  },
}

export default audit
