import { asciiDigits, moneyText, parseMoney, type Cents } from '../../../../shared/domain'
import {
  ProtectedAction,
  StoreOptionsStrict,
  type EmbeddedBarcodeRule,
  type StoreOptions,
  type TenderKind,
} from '../../../../shared/store/options'

/** A payment method as the form holds it; `id` is null for a new one until it is saved. */
export interface TenderDraft {
  /** React key: stable while the row exists, never sent. */
  key: string
  id: string | null
  label: string
  kind: TenderKind
  requiresReference: boolean
}

export interface BarcodeRuleDraft {
  key: string
  prefix: string
  kind: EmbeddedBarcodeRule['kind']
}

/** The store's rules as the form holds them: numbers as typed, so a half-typed value is not lost. */
export interface StoreOptionsDraft {
  discountLimitPercent: string
  approvals: ProtectedAction[]
  tenderMethods: TenderDraft[]
  idleLockSeconds: string
  pinAttempts: string
  pinLockoutSeconds: string
  embeddedBarcodes: BarcodeRuleDraft[]
  /** Money values as typed, separated by commas: "100, 50, 0.25". */
  denominations: string
  requireOpenShift: boolean
  /** Money as typed: "5.00". */
  closeShiftVariance: string
}

/** Every action that can need a manager's PIN, in the order the form lists them. */
export const protectedActions = ProtectedAction.options

/** Approvals in the form's order, so ticking boxes in any order reads the same. */
export function orderedApprovals(approvals: readonly ProtectedAction[]): ProtectedAction[] {
  return protectedActions.filter((action) => approvals.includes(action))
}

export function toOptionsDraft(options: StoreOptions, currency: string): StoreOptionsDraft {
  return {
    discountLimitPercent: String(options.discountLimitPercent),
    approvals: orderedApprovals(options.approvals),
    tenderMethods: options.tenderMethods.map((tender, index) => ({
      key: `saved-tender-${index}`,
      id: tender.id,
      label: tender.label,
      kind: tender.kind,
      requiresReference: tender.requiresReference,
    })),
    idleLockSeconds: String(options.idleLockSeconds),
    pinAttempts: String(options.pinAttempts),
    pinLockoutSeconds: String(options.pinLockoutSeconds),
    embeddedBarcodes: options.embeddedBarcodes.map((rule, index) => ({
      key: `saved-rule-${index}`,
      ...rule,
    })),
    denominations: options.denominationsCents.map((cents) => moneyText(cents, currency)).join(', '),
    requireOpenShift: options.requireOpenShift,
    closeShiftVariance: moneyText(options.closeShiftVarianceCents, currency),
  }
}

const maxTenderIdLength = 40

/** "Gift Card (é)" → "gift-card-e": the id main accepts (a-z, 0-9 and dashes). */
export function tenderIdBase(label: string): string {
  const slug = label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, maxTenderIdLength)
    .replace(/^-+|-+$/g, '')
  // A label in another script (Arabic) has no Latin letters to keep.
  return slug || 'tender'
}

/**
 * The id each payment method is saved with: a saved one keeps its id (sales refer to it), a new one
 * takes its label's, numbered when another method already has it.
 */
export function resolveTenderIds(tenders: readonly TenderDraft[]): string[] {
  const taken = new Set(tenders.flatMap((tender) => (tender.id === null ? [] : [tender.id])))
  return tenders.map((tender) => {
    if (tender.id !== null) return tender.id
    const base = tenderIdBase(tender.label)
    let id = base
    for (let number = 2; taken.has(id); number += 1) {
      const suffix = `-${number}`
      id = `${base.slice(0, maxTenderIdLength - suffix.length).replace(/-+$/, '')}${suffix}`
    }
    taken.add(id)
    return id
  })
}

/** "100, 50 ، 0.25" → [10000, 5000, 25]: largest first, repeats dropped; null if any is not money. */
export function parseDenominations(text: string, currency: string): Cents[] | null {
  const parts = asciiDigits(text)
    .split(/[\s,،;]+/)
    .filter((part) => part.length > 0)
  if (parts.length === 0) return null
  const values: Cents[] = []
  for (const part of parts) {
    const cents = parseMoney(part, currency)
    if (cents === null || cents < 1) return null
    values.push(cents)
  }
  return [...new Set(values)].sort((left, right) => right - left)
}

/** A whole number as typed, or NaN (which the schema refuses with the field's path). */
function readWhole(text: string): number {
  const trimmed = asciiDigits(text).trim()
  return /^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN
}

function readPercent(text: string): number {
  const trimmed = asciiDigits(text).trim()
  return /^\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : Number.NaN
}

/**
 * The field a path from main (or the form's own check) belongs to: a bad denomination or approval
 * is shown on the whole field, a payment method's problem on its own row.
 */
export function fieldPath(path: string): string {
  const match = /^options\.(denominationsCents|approvals)(\.|$)/.exec(path)
  return match ? `options.${match[1]}` : path
}

/** The settings message key for a field's problem, by its path (messages are translated). */
export function optionsErrorKey(path: string): string | null {
  const field = fieldPath(path)
  if (/^options\.tenderMethods\.\d+\.label$/.test(field)) return 'storeOptions.errors.tenderLabel'
  if (/^options\.tenderMethods\.\d+\.id$/.test(field)) return 'storeOptions.errors.tenderId'
  if (/^options\.embeddedBarcodes\.\d+\.prefix$/.test(field)) return 'storeOptions.errors.prefix'
  switch (field) {
    case 'options.discountLimitPercent':
      return 'storeOptions.errors.discountLimit'
    case 'options.idleLockSeconds':
      return 'storeOptions.errors.idleLock'
    case 'options.pinAttempts':
      return 'storeOptions.errors.pinAttempts'
    case 'options.pinLockoutSeconds':
      return 'storeOptions.errors.pinLockout'
    case 'options.tenderMethods':
      return 'storeOptions.errors.tenders'
    case 'options.denominationsCents':
      return 'storeOptions.errors.denominations'
    case 'options.closeShiftVarianceCents':
      return 'storeOptions.errors.closeShiftVariance'
    default:
      return null
  }
}

export interface OptionsIssue {
  /** The field's path as main names it: 'options.tenderMethods.1.label'. */
  path: string
  /** A message key when the form knows better than the path alone; else optionsErrorKey(path). */
  key?: string
  message: string
}

export type CheckedOptions =
  { ok: true; options: StoreOptions } | { ok: false; issues: OptionsIssue[] }

/** Checks the draft with main's own strict schema, plus what only the form can see. */
export function checkOptionsDraft(draft: StoreOptionsDraft, currency: string): CheckedOptions {
  const ids = resolveTenderIds(draft.tenderMethods)
  const denominations = parseDenominations(draft.denominations, currency)
  const candidate = {
    discountLimitPercent: readPercent(draft.discountLimitPercent),
    approvals: orderedApprovals(draft.approvals),
    tenderMethods: draft.tenderMethods.map((tender, index) => ({
      id: ids[index],
      kind: tender.kind,
      label: tender.label.trim(),
      requiresReference: tender.requiresReference,
    })),
    idleLockSeconds: readWhole(draft.idleLockSeconds),
    pinAttempts: readWhole(draft.pinAttempts),
    pinLockoutSeconds: readWhole(draft.pinLockoutSeconds),
    embeddedBarcodes: draft.embeddedBarcodes.map((rule) => ({
      prefix: asciiDigits(rule.prefix).trim(),
      kind: rule.kind,
    })),
    denominationsCents: denominations ?? [],
    requireOpenShift: draft.requireOpenShift,
    // NaN when it is not money: the schema then names the field.
    closeShiftVarianceCents:
      parseMoney(asciiDigits(draft.closeShiftVariance), currency) ?? Number.NaN,
  }
  const issues: OptionsIssue[] = []
  const parsed = StoreOptionsStrict.safeParse(candidate)
  if (!parsed.success)
    for (const issue of parsed.error.issues)
      issues.push({
        path: fieldPath(['options', ...issue.path.map(String)].join('.')),
        message: issue.message,
      })
  if (denominations === null)
    issues.push({ path: 'options.denominationsCents', message: 'not a list of amounts' })
  // Two rules for one prefix: only the first would ever be used, so say so now.
  const seen = new Set<string>()
  candidate.embeddedBarcodes.forEach((rule, index) => {
    if (seen.has(rule.prefix))
      issues.push({
        path: `options.embeddedBarcodes.${index}.prefix`,
        key: 'storeOptions.errors.prefixRepeated',
        message: 'prefix used twice',
      })
    seen.add(rule.prefix)
  })
  if (issues.length > 0 || !parsed.success) {
    // One message per field: an unreadable list also fails the schema's "at least one".
    const unique = issues.filter(
      (issue, index) => issues.findIndex((other) => other.path === issue.path) === index,
    )
    return { ok: false, issues: unique }
  }
  return { ok: true, options: parsed.data }
}
