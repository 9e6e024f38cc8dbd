import type { AdminStoreRulesBody } from '../../../../shared/backoffice/rules'
import type {
  EmbeddedBarcodeRule,
  ProtectedAction,
  StoreOptions,
  TenderKind,
} from '../../../../shared/store/options'
import type { FieldIssue } from '../../api/errors'
import { resolveTenderIds } from '../../../../renderer/src/features/settings/storeOptionsForm'
import { amountText, minorUnitsOf } from '../catalog/money'

/** A way to pay as the form edits it; `key` keeps a row's identity while rows move. */
export interface TenderDraft {
  key: number
  id: string
  label: string
  kind: TenderKind
  requiresReference: boolean
}

export interface BarcodeDraft {
  key: number
  prefix: string
  kind: EmbeddedBarcodeRule['kind']
}

export interface AmountDraft {
  key: number
  text: string
}

/** The rules as typed: numbers stay text until the save, so a half-typed value is not lost. */
export interface RulesDraft {
  approvals: ProtectedAction[]
  discountLimitPercent: string
  idleLockSeconds: string
  pinAttempts: string
  pinLockoutSeconds: string
  requireOpenShift: boolean
  tenderMethods: TenderDraft[]
  embeddedBarcodes: BarcodeDraft[]
  denominations: AmountDraft[]
  /** Money as typed: "5.00". */
  closeShiftVariance: string
}

let nextKey = 1
export const newKey = () => nextKey++

export function draftOf(rules: StoreOptions, currency: string): RulesDraft {
  return {
    approvals: [...rules.approvals],
    discountLimitPercent: String(rules.discountLimitPercent),
    idleLockSeconds: String(rules.idleLockSeconds),
    pinAttempts: String(rules.pinAttempts),
    pinLockoutSeconds: String(rules.pinLockoutSeconds),
    requireOpenShift: rules.requireOpenShift,
    tenderMethods: rules.tenderMethods.map((tender) => ({ key: newKey(), ...tender })),
    embeddedBarcodes: rules.embeddedBarcodes.map((rule) => ({ key: newKey(), ...rule })),
    denominations: rules.denominationsCents.map((cents) => ({
      key: newKey(),
      text: amountText(cents, currency),
    })),
    closeShiftVariance: amountText(rules.closeShiftVarianceCents, currency),
  }
}

/** A typed number, NaN when it is not one (the contract then names the field). */
const numberOf = (text: string) => (text.trim() === '' ? Number.NaN : Number(text.trim()))

export function bodyOf(
  draft: RulesDraft,
  baseVersion: number,
  currency: string,
): AdminStoreRulesBody {
  // The register's own rule: a typed code stays, an empty one comes from the name (numbered when
  // another way to pay has it), so both editors give a new tender the same code.
  const ids = resolveTenderIds(
    draft.tenderMethods.map((tender) => ({
      ...tender,
      key: String(tender.key),
      id: tender.id.trim() || null,
    })),
  )
  return {
    baseVersion,
    approvals: draft.approvals,
    discountLimitPercent: numberOf(draft.discountLimitPercent),
    idleLockSeconds: numberOf(draft.idleLockSeconds),
    pinAttempts: numberOf(draft.pinAttempts),
    pinLockoutSeconds: numberOf(draft.pinLockoutSeconds),
    requireOpenShift: draft.requireOpenShift,
    tenderMethods: draft.tenderMethods.map((tender, index) => ({
      id: ids[index]!,
      kind: tender.kind,
      label: tender.label.trim(),
      requiresReference: tender.requiresReference,
    })),
    embeddedBarcodes: draft.embeddedBarcodes.map((rule) => ({
      prefix: rule.prefix.trim(),
      kind: rule.kind,
    })),
    denominationsCents: draft.denominations.map((amount) => minorUnitsOf(amount.text, currency)),
    closeShiftVarianceCents: minorUnitsOf(draft.closeShiftVariance, currency),
  }
}

/** The translation key of an issue's message, by the field its path names; null: the server's words. */
export function errorKeyOf(path: string): string | null {
  if (/^tenderMethods\.\d+\.label$/.test(path)) return 'errors.tenderLabel'
  if (/^tenderMethods\.\d+\.id$/.test(path)) return 'errors.tenderId'
  if (/^embeddedBarcodes\.\d+\.prefix$/.test(path)) return 'errors.prefix'
  if (/^denominationsCents\.\d+$/.test(path)) return 'errors.denomination'
  const keys: Record<string, string> = {
    discountLimitPercent: 'errors.discountLimit',
    idleLockSeconds: 'errors.idleLock',
    pinAttempts: 'errors.pinAttempts',
    pinLockoutSeconds: 'errors.pinLockout',
    tenderMethods: 'errors.tenders',
    denominationsCents: 'errors.denominations',
    closeShiftVarianceCents: 'errors.closeShiftVariance',
  }
  return keys[path] ?? null
}

/** One message per failing path (full paths: a row's field shows beside that row). */
export function errorsByPath(
  issues: readonly FieldIssue[],
  translate: (key: string) => string,
): Record<string, string> {
  const errors: Record<string, string> = {}
  for (const issue of issues) {
    const key = errorKeyOf(issue.path)
    errors[issue.path] ??= key ? translate(key) : issue.message
  }
  return errors
}
