/** session strings (ar): the lock screen and who is signed in. Keys are shared with the other language's file. */
const session = {
  register: 'نقطة البيع {{code}}',
  signIn: 'تسجيل الدخول',
  intro: 'أدخل رمز PIN الخاص بك لاستخدام نقطة البيع.',
  pin: 'رمز PIN',
  enter: 'دخول',
  pinPad: 'لوحة أرقام PIN',
  backspace: 'حذف',
  pinLength: 'رمز PIN من {{min, number}} إلى {{max, number}} أرقام.',
  wrongPin: 'رمز PIN غير صحيح. حاول مرة أخرى.',
  signInFailed: 'تعذّر تسجيل الدخول. حاول مرة أخرى.',
  lock: 'قفل',
  checkFailed: 'تعذّر التحقق من المستخدم المسجّل: {{error}}',
  starting: 'جارٍ تشغيل نقطة البيع…',
  roles: {
    cashier: 'كاشير',
    manager: 'مدير',
    admin: 'مسؤول النظام',
  },
} satisfies Record<string, unknown>

export default session
