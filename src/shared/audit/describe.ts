import { builders } from './actions'
import type { AuditActionKey, AuditLanguage, AuditSentenceKey } from './messages'
import { auditMessages, fillTemplate } from './messages'
import type { AuditEventInput, AuditLookups, Built } from './words'
import { actionWords, employeeWords, makeContext, registerWords, simpleDetails } from './words'

/**
 * The audit log in words, for the register and the back office alike: an event and the names
 * its ids stand for become an action label and a sentence ("Sam refunded $12.50 on order
 * R1-0042, approved by Dana (manager), register Front 1"). Never raw JSON, never a bare id: an
 * id without a name shows as "unknown employee #1A2B3C".
 */

export type { AuditEventInput, AuditLookups } from './words'
export { actionWords, shortCode } from './words'
export { auditActionKeyOf, knownAuditActions } from './actions'

export interface AuditDescription {
  action: string
  actionLabelKey: AuditActionKey
  sentenceKey: AuditSentenceKey
  params: Record<string, string>
  /**
   * The amount the sentence names, for an amount column: a refund or a cash-out as a positive
   * figure (the sentence says which way it went), a shift's over/short with its sign; null when none.
   */
  amountCents: number | null
  when: string
}

export function describeAuditEvent(
  event: AuditEventInput,
  lookups: AuditLookups,
): AuditDescription {
  const context = makeContext(event, lookups)
  const builder = builders[event.action]
  const built: Built = builder
    ? builder.build(context)
    : {
        sentence: 'other',
        params: { actionWords: actionWords(event.action), details: simpleDetails(context) },
      }
  return {
    action: event.action,
    actionLabelKey: builder?.key ?? 'other',
    sentenceKey: built.sentence,
    params: {
      ...built.params,
      who: employeeWords(context, event.employeeId) || context.words.someone,
      approvedBy: employeeWords(context, event.approvedBy, true),
      register: registerWords(context),
    },
    amountCents: built.amountCents ?? null,
    when: event.createdAt,
  }
}

/** The action's label ("Refund") in a language. */
export function auditActionLabel(description: AuditDescription, language: AuditLanguage): string {
  return auditMessages[language].actions[description.actionLabelKey]
}

/** The whole sentence; `withRegister: false` where the register is shown in its own column. */
export function auditSentence(
  description: AuditDescription,
  language: AuditLanguage,
  options: { withApprover?: boolean; withRegister?: boolean } = {},
): string {
  const messages = auditMessages[language]
  const { params } = description
  let text = fillTemplate(messages.sentences[description.sentenceKey], params)
  if (options.withApprover !== false && params.approvedBy)
    text += fillTemplate(messages.words.approvedBy, params)
  if (options.withRegister !== false && params.register)
    text += fillTemplate(messages.words.onRegister, params)
  return text
}
