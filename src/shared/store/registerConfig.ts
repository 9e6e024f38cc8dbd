import { z } from 'zod'

/** Languages the register speaks; Arabic renders right-to-left. */
export const Language = z.enum(['en', 'ar'])
export type Language = z.infer<typeof Language>

/** Digits in Arabic: Latin (0123, latn) or Arabic-Indic (٠١٢٣, arab), a register's choice. */
export const Digits = z.enum(['latn', 'arab'])
export type Digits = z.infer<typeof Digits>

/**
 * The Intl locale for numbers, money and dates: the store's in English; Arabic with the register's
 * digits ("ar-u-nu-arab") in Arabic, so every Intl formatter follows the one setting.
 */
export function displayLocale(language: Language, storeLocale: string, digits: Digits): string {
  return language === 'ar' ? `ar-u-nu-${digits}` : storeLocale
}

export const PrinterConfig = z
  .object({
    id: z.uuid(),
    name: z.string().trim().min(1).max(60),
    /** network: an ESC/POS printer on TCP (port 9100); system: the OS printer through Electron. */
    kind: z.enum(['network', 'system']),
    host: z.string().trim().max(255).default(''),
    port: z.number().int().min(1).max(65_535).default(9100),
    /** The OS printer name for kind 'system' ('' = the default printer). */
    systemName: z.string().max(200).default(''),
    role: z.enum(['receipt', 'kitchen']),
    paperWidthMm: z.union([z.literal(58), z.literal(80)]).default(80),
    /** The printer has an Arabic code page; otherwise Arabic text is printed as an image. */
    hasArabicCodePage: z.boolean().default(false),
    /** Kick the cash drawer wired to this printer when cash was taken. */
    opensDrawer: z.boolean().default(true),
  })
  .strict()
  .refine((printer) => printer.kind === 'system' || printer.host.length > 0, {
    message: 'a network printer needs a host',
    path: ['host'],
  })
export type PrinterConfig = z.infer<typeof PrinterConfig>

export const RegisterMode = z.enum(['register', 'receipt-station', 'kitchen-station'])
export type RegisterMode = z.infer<typeof RegisterMode>

export const RegisterConfig = z
  .object({
    mode: RegisterMode.default('register'),
    language: Language.default('en'),
    /** Which digits Arabic screens and receipts use. */
    digits: Digits.default('latn'),
    printers: z.array(PrinterConfig).max(10).default([]),
    /** Print the customer receipt as soon as a sale on this register is committed. */
    autoPrintReceipt: z.boolean().default(true),
    /** Stations: which registers' orders to print (register codes; empty = every register). */
    stationRegisterCodes: z.array(z.string().trim().min(1).max(20)).max(50).default([]),
    /** Kitchen stations: only lines of these categories (empty = every line). */
    stationCategoryIds: z.array(z.uuid()).max(100).default([]),
    /**
     * Kitchen stations: show orders as tickets on screen (timers, bump, recall). Such a station
     * needs no printer; one without it prints, so it needs a kitchen printer.
     */
    hasKitchenDisplay: z.boolean().default(false),
    /** Registers: open the customer-facing display on a second screen (desktop app). */
    hasCustomerDisplay: z.boolean().default(false),
    /** The customer display's language; null = the store's language. */
    customerDisplayLanguage: Language.nullable().default(null),
    /** Footer line printed on receipts. */
    receiptFooter: z.string().max(200).default('Thank you!'),
    /**
     * The receipt the last customer chose (print, e-mail, none): the next sale's confirmation
     * preselects it. Only a sale's print choice auto-prints its receipt.
     */
    receiptChoice: z.enum(['print', 'email', 'none']).default('print'),
  })
  .strict()
export type RegisterConfig = z.infer<typeof RegisterConfig>

/** The store's language, from its Intl locale ("ar-SA" is Arabic; anything else English). */
export function storeLanguage(locale: string): Language {
  return locale.toLowerCase().startsWith('ar') ? 'ar' : 'en'
}

/** The printer role a station needs to do its work, or null when it needs none. */
export function requiredStationPrinterRole(config: RegisterConfig): PrinterConfig['role'] | null {
  switch (config.mode) {
    case 'register':
      return null
    case 'receipt-station':
      return 'receipt'
    case 'kitchen-station':
      return config.hasKitchenDisplay ? null : 'kitchen'
    default: {
      const unknownMode: never = config.mode
      return unknownMode
    }
  }
}

/** Reads stored config; a corrupt value falls back to defaults (a plain till, English). */
export function parseRegisterConfig(json: string): RegisterConfig {
  try {
    const parsed = RegisterConfig.safeParse(JSON.parse(json))
    if (parsed.success) return parsed.data
  } catch {
    // fall through to defaults
  }
  return RegisterConfig.parse({})
}
