/** common strings (ar): shared buttons, generic errors. Keys are shared with the other language's file. */
const common = {
  appName: 'AuraFlow POS',
  actions: {
    cancel: 'إلغاء',
    close: 'إغلاق',
    dismiss: 'تجاهل',
    retry: 'إعادة المحاولة',
    back: 'رجوع',
    reload: 'إعادة التحميل',
    save: 'حفظ',
  },
  errors: {
    generic: 'حدث خطأ ما. حاول مرة أخرى.',
    notConnected: 'هذه الشاشة غير متصلة بجهاز كاشير. افتحها من AuraFlow POS.',
    callFailed: 'فشلت العملية {{channel}}.',
    unreadableReply: 'أرسل جهاز الكاشير ردًا غير مقروء على {{channel}}.',
    unexpectedReply: 'أرسل جهاز الكاشير ردًا غير متوقع على {{channel}}.',
    screenCrashed: 'واجهت الشاشة مشكلة: {{error}} المبيعات المكتملة محفوظة بأمان.',
  },
  items_zero: 'لا أصناف',
  items_one: 'صنف واحد',
  items_two: 'صنفان',
  items_few: '{{count, number}} أصناف',
  items_many: '{{count, number}} صنفًا',
  items_other: '{{count, number}} صنف',
  none: '—',
} satisfies Record<string, unknown>

export default common
