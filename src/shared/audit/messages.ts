/**
 * The audit log's words in English and Arabic: one label per action, one sentence template per
 * kind of event, and the small words the sentences are built from. `{name}` is a parameter;
 * `[…]` is an optional part, left out when a parameter inside it is empty.
 */

export type AuditLanguage = 'en' | 'ar'

export const auditActionKeys = [
  'discountApproved',
  'saleVoided',
  'cartCleared',
  'refundCreated',
  'employeeSaved',
  'catalogImported',
  'productSaved',
  'categorySaved',
  'receiptReprinted',
  'registerConfigChanged',
  'storeOptionsChanged',
  'syncReenrolled',
  'shiftOpened',
  'shiftClosed',
  'cashMovement',
  'noSale',
  'drawerOpened',
  'conflictResolved',
  'other',
] as const
export type AuditActionKey = (typeof auditActionKeys)[number]

export const auditSentenceKeys = [
  'discountApproved',
  'saleVoided',
  'cartCleared',
  'refundCreated',
  'employeeSaved',
  'employeeSavedWithPin',
  'catalogImported',
  'productCreated',
  'productSaved',
  'categoryCreated',
  'categorySaved',
  'receiptReprinted',
  'kitchenReprinted',
  'registerConfigChanged',
  'storeOptionsChanged',
  'syncReenrolled',
  'shiftOpened',
  'shiftClosed',
  'cashIn',
  'cashOut',
  'noSale',
  'drawerOpened',
  'conflictResolved',
  'other',
] as const
export type AuditSentenceKey = (typeof auditSentenceKeys)[number]

export const auditWordKeys = [
  'someone',
  'unknownEmployee',
  'unknownRegister',
  'unknownOrder',
  'unknownProduct',
  'approvedBy',
  'onRegister',
  'active',
  'inactive',
  'yes',
  'no',
  'refundToOriginal',
  'refundToCash',
  'roleCashier',
  'roleManager',
  'roleAdmin',
  'resolutionKeepServer',
  'resolutionTakeClient',
  'resolutionMerge',
  'languageEn',
  'languageAr',
  'listSeparator',
] as const
export type AuditWordKey = (typeof auditWordKeys)[number]

export interface AuditMessages {
  actions: Record<AuditActionKey, string>
  sentences: Record<AuditSentenceKey, string>
  words: Record<AuditWordKey, string>
}

const en: AuditMessages = {
  actions: {
    discountApproved: 'Discount above the limit',
    saleVoided: 'Sale voided',
    cartCleared: 'Unpaid cart cleared',
    refundCreated: 'Refund',
    employeeSaved: 'Employee saved',
    catalogImported: 'Products imported',
    productSaved: 'Product saved',
    categorySaved: 'Category saved',
    receiptReprinted: 'Reprint',
    registerConfigChanged: 'Register settings changed',
    storeOptionsChanged: 'Store options changed',
    syncReenrolled: 'Register moved',
    shiftOpened: 'Shift opened',
    shiftClosed: 'Shift closed',
    cashMovement: 'Cash in or out',
    noSale: 'Drawer opened (no sale)',
    drawerOpened: 'Drawer opened (cash sale)',
    conflictResolved: 'Sync conflict resolved',
    other: 'Other',
  },
  sentences: {
    discountApproved:
      '{who} gave a discount above the {limit} limit on order {order}[, total {amount}]',
    saleVoided: '{who} voided a sale of {count} items[ ({items})] worth {amount}[: {reason}]',
    cartCleared:
      '{who} cleared an unpaid cart of {count} items[ ({items})] worth {amount}[: {reason}]',
    refundCreated: '{who} refunded {amount} on order {order} to {refundTo}[: {reason}]',
    employeeSaved: '{who} saved the employee {name} as {role}, {state}',
    employeeSavedWithPin: '{who} saved the employee {name} as {role}, {state}, and changed the PIN',
    catalogImported:
      '{who} imported products: {created} new, {updated} updated, {unchanged} unchanged, {rejected} rejected',
    productCreated: '{who} added the product {name}[ (SKU {sku})] at {amount}',
    productSaved: '{who} changed the product {name}[ (SKU {sku})], price {amount}',
    categoryCreated: '{who} added the category {name}',
    categorySaved: '{who} changed the category {name}',
    receiptReprinted: '{who} reprinted the receipt of order {order}',
    kitchenReprinted: '{who} reprinted the kitchen ticket of order {order}',
    registerConfigChanged:
      '{who} changed the register settings: language {language}, {printers} printers',
    storeOptionsChanged: '{who} changed {count} store options[: {changes}]',
    syncReenrolled: '{who} moved the register to another store or server[ ({server})]',
    shiftOpened: '{who} opened a shift with {amount} in the drawer',
    shiftClosed:
      '{who} closed the shift: counted {counted}, expected {expected}, difference {amount}',
    cashIn: '{who} put {amount} into the drawer[: {reason}]',
    cashOut: '{who} took {amount} out of the drawer[: {reason}]',
    noSale: '{who} opened the drawer without a sale[: {reason}]',
    drawerOpened: 'The drawer opened for a cash sale by {who}, order {order}',
    conflictResolved: '{who} resolved a sync conflict: {resolution}',
    other: '{who}: {actionWords}[ ({details})]',
  },
  words: {
    someone: 'someone',
    unknownEmployee: 'unknown employee',
    unknownRegister: 'unknown register',
    unknownOrder: 'unknown order',
    unknownProduct: 'unknown product',
    approvedBy: ', approved by {approvedBy}',
    onRegister: ', register {register}',
    active: 'active',
    inactive: 'inactive',
    yes: 'yes',
    no: 'no',
    refundToOriginal: 'the original payment',
    refundToCash: 'cash',
    roleCashier: 'cashier',
    roleManager: 'manager',
    roleAdmin: 'admin',
    resolutionKeepServer: 'kept the server’s version',
    resolutionTakeClient: 'took this register’s version',
    resolutionMerge: 'merged both versions',
    languageEn: 'English',
    languageAr: 'Arabic',
    listSeparator: ', ',
  },
}

const ar: AuditMessages = {
  actions: {
    discountApproved: 'خصم يتجاوز الحد',
    saleVoided: 'إلغاء عملية بيع',
    cartCleared: 'مسح سلة غير مدفوعة',
    refundCreated: 'استرداد',
    employeeSaved: 'حفظ موظف',
    catalogImported: 'استيراد منتجات',
    productSaved: 'حفظ منتج',
    categorySaved: 'حفظ فئة',
    receiptReprinted: 'إعادة طباعة',
    registerConfigChanged: 'تغيير إعدادات نقطة البيع',
    storeOptionsChanged: 'تغيير خيارات المتجر',
    syncReenrolled: 'نقل نقطة البيع',
    shiftOpened: 'فتح وردية',
    shiftClosed: 'إغلاق وردية',
    cashMovement: 'إيداع أو سحب نقدي',
    noSale: 'فتح الدرج (بدون بيع)',
    drawerOpened: 'فتح الدرج (بيع نقدي)',
    conflictResolved: 'حل تعارض مزامنة',
    other: 'أخرى',
  },
  sentences: {
    discountApproved: 'منح {who} خصمًا يتجاوز حد {limit} على الطلب {order}[، الإجمالي {amount}]',
    saleVoided: 'ألغى {who} عملية بيع من {count} أصناف[ ({items})] بقيمة {amount}[: {reason}]',
    cartCleared: 'مسح {who} سلة غير مدفوعة من {count} أصناف[ ({items})] بقيمة {amount}[: {reason}]',
    refundCreated: 'استرد {who} مبلغ {amount} من الطلب {order} إلى {refundTo}[: {reason}]',
    employeeSaved: 'حفظ {who} الموظف {name} بدور {role}، {state}',
    employeeSavedWithPin: 'حفظ {who} الموظف {name} بدور {role}، {state}، وغيّر الرقم السري',
    catalogImported:
      'استورد {who} المنتجات: {created} جديد، {updated} محدَّث، {unchanged} دون تغيير، {rejected} مرفوض',
    productCreated: 'أضاف {who} المنتج {name}[ (رمز {sku})] بسعر {amount}',
    productSaved: 'عدّل {who} المنتج {name}[ (رمز {sku})]، السعر {amount}',
    categoryCreated: 'أضاف {who} الفئة {name}',
    categorySaved: 'عدّل {who} الفئة {name}',
    receiptReprinted: 'أعاد {who} طباعة إيصال الطلب {order}',
    kitchenReprinted: 'أعاد {who} طباعة تذكرة المطبخ للطلب {order}',
    registerConfigChanged: 'غيّر {who} إعدادات نقطة البيع: اللغة {language}، {printers} طابعات',
    // The option names are the code's English names: Arabic gives the count only.
    storeOptionsChanged: 'غيّر {who} {count} من خيارات المتجر',
    syncReenrolled: 'نقل {who} نقطة البيع إلى متجر أو خادم آخر[ ({server})]',
    shiftOpened: 'فتح {who} وردية وفي الدرج {amount}',
    shiftClosed: 'أغلق {who} الوردية: المعدود {counted}، المتوقع {expected}، الفرق {amount}',
    cashIn: 'أودع {who} مبلغ {amount} في الدرج[: {reason}]',
    cashOut: 'سحب {who} مبلغ {amount} من الدرج[: {reason}]',
    noSale: 'فتح {who} الدرج دون بيع[: {reason}]',
    drawerOpened: 'فُتح الدرج لبيع نقدي قام به {who}، الطلب {order}',
    conflictResolved: 'حل {who} تعارض مزامنة: {resolution}',
    other: '{who}: {actionWords}[ ({details})]',
  },
  words: {
    someone: 'شخص ما',
    unknownEmployee: 'موظف غير معروف',
    unknownRegister: 'نقطة بيع غير معروفة',
    unknownOrder: 'طلب غير معروف',
    unknownProduct: 'منتج غير معروف',
    approvedBy: '، بموافقة {approvedBy}',
    onRegister: '، نقطة البيع {register}',
    active: 'نشط',
    inactive: 'غير نشط',
    yes: 'نعم',
    no: 'لا',
    refundToOriginal: 'وسيلة الدفع الأصلية',
    refundToCash: 'نقدًا',
    roleCashier: 'أمين صندوق',
    roleManager: 'مدير',
    roleAdmin: 'مسؤول',
    resolutionKeepServer: 'أبقى نسخة الخادم',
    resolutionTakeClient: 'اعتمد نسخة نقطة البيع',
    resolutionMerge: 'دمج النسختين',
    languageEn: 'الإنجليزية',
    languageAr: 'العربية',
    listSeparator: '، ',
  },
}

export const auditMessages: Record<AuditLanguage, AuditMessages> = { en, ar }

/**
 * Fills a template: `[…]` parts whose parameters are all present and non-empty are kept, then
 * every `{name}` is replaced once (a value that itself holds `{x}` is never expanded again).
 */
export function fillTemplate(template: string, params: Readonly<Record<string, string>>): string {
  const has = (name: string) => (params[name] ?? '') !== ''
  const optional = template.replace(/\[([^\]]*)\]/g, (_match, part: string) => {
    const names = [...part.matchAll(/\{(\w+)\}/g)].map((found) => found[1]!)
    return names.every(has) ? part : ''
  })
  return optional.replace(/\{(\w+)\}/g, (_match, name: string) => params[name] ?? '')
}
