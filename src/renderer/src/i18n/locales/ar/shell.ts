/** shell strings (ar): app frame, top bar, navigation. Keys are shared with the other language's file. */
const shell = {
  starting: 'جارٍ تشغيل نقطة البيع…',
  startFailed: 'تعذّر الوصول إلى نقطة البيع: {{reason}}',
  deviceTitle: 'الجهاز {{deviceId}}',
  registerCode: 'نقطة البيع {{code}}',
  navLabel: 'القائمة الرئيسية',
  nav: {
    register: 'البيع',
    orders: 'الطلبات',
    shift: 'الوردية',
    stock: 'المخزون',
    catalog: 'الأصناف',
    manager: 'المدير',
    station: 'المحطة',
    sync: 'المزامنة',
    settings: 'الإعدادات',
  },
  noShift: 'لا توجد وردية مفتوحة',
  noShiftTitle: 'البيع يحتاج إلى وردية مفتوحة: افتح وردية من شاشة الوردية',
} satisfies Record<string, unknown>

export default shell
