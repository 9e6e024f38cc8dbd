import type en from '../en/reports'

/** reports strings (ar): sales for a date range and stores. Keys match en/reports.ts. */
const reports: typeof en = {
  title: 'التقارير',
  from: 'من',
  to: 'إلى',
  stores: 'المتاجر (بلا اختيار: الكل)',
  summary: 'الملخص',
  catchingUp: 'جارٍ التحديث: قد لا تظهر في هذه الأرقام بعدُ المبيعات المُرسلة بعد {{time}}.',
  figures: {
    gross: 'إجمالي المبيعات',
    discounts: 'الخصومات',
    refunds: 'المرتجعات',
    net: 'صافي المبيعات',
    tax: 'الضريبة',
    total: 'المبلغ المحصّل',
    orders: 'المبيعات',
    averageTicket: 'متوسط الفاتورة',
  },
  byDay: 'المبيعات حسب اليوم',
  byItem: 'المبيعات حسب الصنف',
  paymentMethods: 'طرق الدفع',
  totalRow: 'المجموع الكلي',
  chartLabel: 'صافي المبيعات حسب اليوم، وهي أيضًا في الجدول أدناه',
  columns: {
    label: 'الاسم',
    sales: 'المبيعات',
    quantity: 'الوحدات',
    gross: 'الإجمالي',
    discounts: 'الخصومات',
    refunds: 'المرتجعات',
    net: 'الصافي',
    tax: 'الضريبة',
    total: 'المجموع',
    method: 'الطريقة',
    payments: 'الدفعات',
  },
  tenders: { cash: 'نقدًا', card: 'بطاقة', voucher: 'قسيمة' },
  csv: {
    summary: 'الملخص (CSV)',
    byDay: 'حسب اليوم (CSV)',
    byItem: 'حسب الصنف (CSV)',
    byCategory: 'حسب الفئة (CSV)',
    byEmployee: 'حسب الموظف (CSV)',
    byRegister: 'حسب نقطة البيع (CSV)',
    paymentMethods: 'طرق الدفع (CSV)',
    refunds: 'المرتجعات والإلغاءات (CSV)',
    shifts: 'الورديات (CSV)',
  },
}

export default reports
