/** cart strings (ar): the dense cart, its line editor, announcements and the register's guards. Keys are shared with the other language's file. */
const cart = {
  skipToCart: 'انتقل إلى السلة',
  announce: {
    summary: '{{change}}، {{items}}، الإجمالي {{total}}',
    added: 'أُضيف {{name}}',
    removed: 'أُزيل {{name}}',
    quantity: 'كمية {{name}} {{quantity}}',
    changed: 'تغيّر {{name}}',
    cleared: 'أُفرغت السلة',
  },
  line: {
    summary: '{{name}}، الكمية {{quantity}}، {{total}}',
    discountMarker: 'خصم: {{discount}}',
    noteMarker: 'ملاحظة: {{note}}',
  },
  editor: {
    quantity: 'الكمية',
    decrease: 'أقل بواحد',
    increase: 'أكثر بواحد',
    badQuantity: 'أدخل كمية من 1 إلى 9999.',
    note: 'ملاحظة للمطبخ أو الإيصال (اختيارية)',
    discount: 'الخصم',
    noDiscount: 'بلا خصم',
    addDiscount: 'إضافة خصم',
    changeDiscount: 'تغيير الخصم',
    options: 'الخيارات',
    remove: 'إزالة من البيع',
    done: 'تم',
    unitPrice: 'السعر',
    lineTotal: 'إجمالي السطر',
  },
  approval: {
    lineDiscount: 'خصم يتجاوز حدك: {{discount}} على {{name}}',
    orderDiscount: 'خصم يتجاوز حدك: {{discount}} على الطلب',
    notApproved: 'لم يُطبَّق: يجب أن يوافق المدير على هذا الخصم.',
    failed: 'لم يُطبَّق الخصم: {{error}}',
  },
  shift: {
    required: 'لا توجد وردية مفتوحة على نقطة البيع هذه: افتح وردية لتلقي الدفع.',
    open: 'فتح وردية',
  },
  clear: {
    title: 'مسح هذا البيع؟',
    intro_zero: 'لم يُدفع شيء. لا أصناف لإزالتها.',
    intro_one: 'لم يُدفع شيء. يُزال الصنف ويُسجَّل المسح.',
    intro_two: 'لم يُدفع شيء. يُزال الصنفان ويُسجَّل المسح.',
    intro_few: 'لم يُدفع شيء. تُزال الأصناف الـ {{count}} ويُسجَّل المسح.',
    intro_many: 'لم يُدفع شيء. تُزال الأصناف الـ {{count}} ويُسجَّل المسح.',
    intro_other: 'لم يُدفع شيء. تُزال الأصناف الـ {{count}} ويُسجَّل المسح.',
    reason: 'السبب (اختياري)',
    confirm: 'مسح البيع',
    cleared: 'تم مسح البيع.',
    failed: 'لم يُمسح البيع: {{error}}',
  },
  options: {
    none: 'لا شيء',
    update: 'تحديث السطر',
    forProduct: 'خيارات {{name}}',
  },
} satisfies Record<string, unknown>

export default cart
