/** approval strings (ar): the manager approval dialog. Keys are shared with the other language's file. */
const approval = {
  title: 'موافقة المدير',
  pin: 'رمز PIN للمدير',
  hint: 'يُدخل المدير رمزه للموافقة على هذه العملية مرة واحدة.',
  approve: 'موافقة',
  actions: {
    discount: 'منح خصم يتجاوز الحد',
    refund: 'إجراء استرداد',
    void: 'إلغاء بيع',
    cashMovement: 'إيداع نقد في الدرج أو سحبه منه',
    noSale: 'فتح الدرج دون بيع',
    closeShift: 'إغلاق الوردية',
    catalogEdit: 'تعديل الكتالوج',
    settings: 'تغيير الإعدادات (قواعد المتجر أو الطابعات أو الوضع أو اللغة)',
    stockAdjust: 'تعديل المخزون أو اعتماد جرد',
  },
} satisfies Record<string, unknown>

export default approval
