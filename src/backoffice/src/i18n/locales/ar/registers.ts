/** registers strings (ar): registers of a store and enrollment codes. Keys match en/registers.ts. */
const registers = {
  title: 'نقاط البيع',
  store: 'المتجر',
  noStores: 'أنشئ متجرًا أولًا.',
  empty: 'لا توجد نقاط بيع في هذا المتجر بعد. أنشئ رمز تسجيل وأدخله في نقطة البيع.',
  columns: {
    name: 'الاسم',
    role: 'النوع',
    lastSeen: 'آخر ظهور',
    appVersion: 'إصدار التطبيق',
    pending: 'بانتظار المزامنة',
    refused: 'مرفوض',
    status: 'الحالة',
    actions: 'إجراءات',
  },
  kinds: {
    register: 'نقطة بيع',
    station: 'محطة',
  },
  status: {
    active: 'نشطة',
    revoked: 'ملغاة',
  },
  rename: 'إعادة تسمية',
  renameLabel: 'إعادة تسمية {{name}}',
  renameTitle: 'إعادة تسمية نقطة البيع',
  newName: 'الاسم',
  revoke: 'إلغاء',
  revokeLabel: 'إلغاء {{name}}',
  revokeTitle: 'إلغاء {{name}}؟',
  revokeText:
    'تتوقف نقطة البيع عن المزامنة فورًا ويجب تسجيلها مجددًا برمز جديد. تبقى مبيعاتها غير المتزامنة عليها.',
  revokeConfirm: 'إلغاء نقطة البيع',
  revoked: 'تم إلغاء {{name}}.',
  renamed: 'أصبح الاسم {{name}}.',
  enroll: {
    button: 'رمز تسجيل جديد',
    title: 'رمز تسجيل جديد',
    intro: 'أدخل الرمز في نقطة البيع (الإعدادات ← التسجيل) أو امسح رمز QR.',
    role: 'لـ',
    expiresIn: 'صالح لمدة',
    uses: 'عدد نقاط البيع التي يسجّلها',
    create: 'إنشاء الرمز',
    code: 'الرمز',
    expires: 'ينتهي {{when}}',
    qrAlt: 'رمز QR لرمز التسجيل {{code}}',
    another: 'رمز آخر',
  },
  expiry: {
    m15: '15 دقيقة',
    h1: 'ساعة واحدة',
    h24: '24 ساعة',
    d7: '7 أيام',
  },
} satisfies Record<string, unknown>

export default registers
