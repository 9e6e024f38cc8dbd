/** stores strings (ar): the store list and form. Keys match en/stores.ts. */
const stores = {
  title: 'المتاجر',
  add: 'متجر جديد',
  empty: 'لا توجد متاجر بعد.',
  columns: {
    code: 'الرمز',
    name: 'الاسم',
    currency: 'العملة',
    timeZone: 'المنطقة الزمنية',
    registers: 'نقاط البيع',
    actions: 'إجراءات',
  },
  editStore: 'تعديل {{name}}',
  showRegisters: 'نقاط بيع {{name}}',
  form: {
    createTitle: 'متجر جديد',
    editTitle: 'تعديل المتجر {{code}}',
    code: 'رمز المتجر',
    codeHint: 'يبدأ به كل رقم طلب؛ لا يمكن تغييره لاحقًا.',
    name: 'الاسم',
    address: 'العنوان',
    phone: 'الهاتف',
    taxId: 'الرقم الضريبي',
    currency: 'العملة',
    timeZone: 'المنطقة الزمنية',
    locale: 'لغة الإيصال',
    create: 'إنشاء المتجر',
    save: 'حفظ المتجر',
  },
  created: 'تم إنشاء المتجر {{code}}.',
  updated: 'تم حفظ المتجر {{code}}.',
  codeTaken: 'هذا الرمز مستخدم لمتجر آخر.',
} satisfies Record<string, unknown>

export default stores
