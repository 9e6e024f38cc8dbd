import type { Language } from '../store/registerConfig'

/** Every word printed on a receipt, kitchen ticket or test page, per register language. */
export interface ReceiptStrings {
  register: string
  order: string
  cashier: string
  customer: string
  copy: string
  refund: string
  refundOf: string
  reason: string
  discount: string
  subtotal: string
  /** Followed by the rate, e.g. "Tax 8.25%". */
  tax: string
  total: string
  cashRounding: string
  change: string
  reference: string
  youSaved: string
  note: string
  cash: string
  card: string
  other: string
  kitchenTicket: string
  testPage: string
  paperWidth: string
  columns: string
  alignment: string
  characters: string
  left: string
  center: string
  right: string
  printedAt: string
}

export const receiptStrings: Record<Language, ReceiptStrings> = {
  en: {
    register: 'Register',
    order: 'Order',
    cashier: 'Cashier',
    customer: 'Customer',
    copy: 'COPY',
    refund: 'REFUND',
    refundOf: 'Refund of order',
    reason: 'Reason',
    discount: 'Discount',
    subtotal: 'Subtotal',
    tax: 'Tax',
    total: 'Total',
    cashRounding: 'Cash rounding',
    change: 'Change',
    reference: 'Ref',
    youSaved: 'You saved',
    note: 'Note',
    cash: 'Cash',
    card: 'Card',
    other: 'Other',
    kitchenTicket: 'KITCHEN',
    testPage: 'PRINTER TEST',
    paperWidth: 'Paper width',
    columns: 'columns',
    alignment: 'Alignment',
    characters: 'Characters',
    left: 'Left',
    center: 'Center',
    right: 'Right',
    printedAt: 'Printed',
  },
  ar: {
    register: 'نقطة البيع',
    order: 'الطلب',
    cashier: 'الكاشير',
    customer: 'العميل',
    copy: 'نسخة',
    refund: 'استرداد',
    refundOf: 'استرداد للطلب',
    reason: 'السبب',
    discount: 'خصم',
    subtotal: 'المجموع الفرعي',
    tax: 'الضريبة',
    total: 'الإجمالي',
    cashRounding: 'تقريب نقدي',
    change: 'الباقي',
    reference: 'مرجع',
    youSaved: 'وفرت',
    note: 'ملاحظة',
    cash: 'نقداً',
    card: 'بطاقة',
    other: 'أخرى',
    kitchenTicket: 'المطبخ',
    testPage: 'اختبار الطابعة',
    paperWidth: 'عرض الورق',
    columns: 'عمود',
    alignment: 'المحاذاة',
    characters: 'الأحرف',
    left: 'يسار',
    center: 'وسط',
    right: 'يمين',
    printedAt: 'وقت الطباعة',
  },
}
