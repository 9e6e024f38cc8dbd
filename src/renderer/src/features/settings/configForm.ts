import type { z } from 'zod'
import {
  RegisterConfig,
  requiredStationPrinterRole,
  type PrinterConfig,
  type RegisterConfig as RegisterConfigValue,
} from '../../../../shared/store/registerConfig'

/** A printer as the form holds it: the port as typed, so a half-typed number is not lost. */
export type PrinterDraft = Omit<PrinterConfig, 'port'> & { port: string }

/** The register's settings as the form holds them. */
export type ConfigDraft = Omit<RegisterConfigValue, 'printers' | 'stationRegisterCodes'> & {
  printers: PrinterDraft[]
  /** Register codes as typed, separated by commas. */
  stationRegisterCodes: string
}

// Field messages keyed by the path main uses: 'config.printers.0.host'.
export type { FieldErrors } from '../../hooks/useDraftForm'

export const defaultPort = 9100

export function toDraft(config: RegisterConfigValue): ConfigDraft {
  return {
    ...config,
    printers: config.printers.map((printer) => ({ ...printer, port: String(printer.port) })),
    stationRegisterCodes: config.stationRegisterCodes.join(', '),
  }
}

/** "A, b ,, C" → ["A", "B", "C"]: codes are upper case, blanks and repeats dropped. */
export function parseRegisterCodes(text: string): string[] {
  const codes = text
    .split(/[,\s،]+/)
    .map((code) => code.trim().toUpperCase())
    .filter((code) => code.length > 0)
  return [...new Set(codes)]
}

function parsePort(text: string): number {
  const trimmed = text.trim()
  if (trimmed === '') return defaultPort
  return /^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN
}

/** The config to save, before checking (the schema main uses checks it next). */
export function fromDraft(draft: ConfigDraft): z.input<typeof RegisterConfig> {
  return {
    ...draft,
    printers: draft.printers.map((printer) => ({ ...printer, port: parsePort(printer.port) })),
    stationRegisterCodes: parseRegisterCodes(draft.stationRegisterCodes),
  }
}

export function newPrinter(id: string, role: PrinterConfig['role']): PrinterDraft {
  return {
    id,
    name: '',
    kind: 'network',
    host: '',
    port: String(defaultPort),
    systemName: '',
    role,
    paperWidthMm: 80,
    hasArabicCodePage: false,
    opensDrawer: role === 'receipt',
  }
}

/** The message key for a field, by the last part of its path (messages are translated). */
export function errorKey(path: string): string | null {
  const field = path.split('.').at(-1)
  switch (field) {
    case 'name':
      return 'errors.printerName'
    case 'host':
      return 'errors.host'
    case 'port':
      return 'errors.port'
    case 'systemName':
      return 'errors.systemName'
    case 'receiptFooter':
      return 'errors.footer'
    case 'printers':
      return 'errors.tooManyPrinters'
    case 'stationPrinter':
      return 'display:settings.needsPrinter.kitchen'
    case 'stationReceiptPrinter':
      return 'display:settings.needsPrinter.receipt'
    default:
      return path.startsWith('config.stationRegisterCodes') ? 'errors.registerCodes' : null
  }
}

export type CheckedConfig =
  | { ok: true; config: RegisterConfigValue }
  | { ok: false; issues: { path: string; message: string }[] }

/** Checks the draft with main's own schema; issues carry main's path ('config.printers.0.host'). */
export function checkDraft(draft: ConfigDraft): CheckedConfig {
  const parsed = RegisterConfig.safeParse(fromDraft(draft))
  if (parsed.success) {
    // Main refuses a printing station without its printer; the form says so before saving.
    const role = requiredStationPrinterRole(parsed.data)
    if (!role || parsed.data.printers.some((printer) => printer.role === role))
      return { ok: true, config: parsed.data }
    const field = role === 'kitchen' ? 'stationPrinter' : 'stationReceiptPrinter'
    return { ok: false, issues: [{ path: `config.${field}`, message: `a ${role} printer` }] }
  }
  const issues = parsed.error.issues.map((issue) => ({
    path: ['config', ...issue.path.map(String)].join('.'),
    message: issue.message,
  }))
  // The schema checks the host only once the rest of a printer is valid; the form says it at once.
  draft.printers.forEach((printer, index) => {
    const path = `config.printers.${index}.host`
    if (
      printer.kind === 'network' &&
      printer.host.trim() === '' &&
      !issues.some((issue) => issue.path === path)
    )
      issues.push({ path, message: 'a network printer needs a host' })
  })
  return { ok: false, issues }
}

/** Whether a saved printer is configured exactly as the form shows it (so a test page means it). */
export function isPrinterSaved(saved: RegisterConfigValue | null, printer: PrinterDraft): boolean {
  if (!saved) return false
  const stored = saved.printers.find((candidate) => candidate.id === printer.id)
  if (!stored) return false
  const [storedDraft] = toDraft({ ...saved, printers: [stored] }).printers
  if (!storedDraft) return false
  const keys = Object.keys(storedDraft) as (keyof PrinterDraft)[]
  return keys.every((key) => storedDraft[key] === printer[key])
}
