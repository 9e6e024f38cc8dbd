import { useEffect, useState } from 'react'
import { EmailAddress, PosError, type ReceiptChoice } from '../../../../shared/ipc'
import { useTranslation } from '../../i18n'
import { errorMessage, pos } from '../../pos'
import type { EmailReceipt } from '../orders/emailStatus'

/** Where the customer's receipt stands on the confirmation. */
export type ReceiptOutcome =
  | { type: 'open' }
  | { type: 'sending' }
  | { type: 'printed'; hasReceiptPrinter: boolean }
  | { type: 'emailed'; email: EmailReceipt }
  | { type: 'none' }

export interface ReceiptChoiceState {
  /** The choice shown as selected: the register's remembered one until the cashier picks. */
  selected: ReceiptChoice
  outcome: ReceiptOutcome
  address: string
  /** Why the address or the call was refused, in the cashier's words. */
  error: string | null
  setAddress: (address: string) => void
  /** Selects a choice; print and none are done at once, e-mail asks for the address first. */
  pick: (choice: ReceiptChoice) => void
  /** Sends the e-mail to the typed address. */
  sendEmail: () => void
}

/**
 * The receipt choice after a sale: print, e-mail or none, preselected from the register's last
 * choice (main remembers it), one tap or Enter to confirm. An e-mail is queued in main and never
 * holds the sale; its status follows receipt:emailChanged.
 */
export function useReceiptChoice(
  orderId: string,
  remembered: ReceiptChoice,
  customerEmail: string | null,
): ReceiptChoiceState {
  const { t } = useTranslation('receipts')
  const [selected, setSelected] = useState<ReceiptChoice>(remembered)
  const [outcome, setOutcome] = useState<ReceiptOutcome>({ type: 'open' })
  const [address, setAddressText] = useState(customerEmail ?? '')
  const [error, setError] = useState<string | null>(null)

  // The e-mail's progress (queued, sent, failed and retrying) as main reports it.
  useEffect(
    () =>
      pos.on('receipt:emailChanged', (email) => {
        if (email.orderId !== orderId) return
        setOutcome((current) =>
          current.type === 'emailed' && current.email.id === email.id
            ? { type: 'emailed', email }
            : current,
        )
      }),
    [orderId],
  )

  async function choose(choice: ReceiptChoice, to?: string) {
    setOutcome({ type: 'sending' })
    setError(null)
    try {
      const result = await pos.invoke(
        'receipt:choose',
        to === undefined ? { orderId, choice } : { orderId, choice, to },
      )
      if (result.email) setOutcome({ type: 'emailed', email: result.email })
      else if (choice === 'print')
        setOutcome({ type: 'printed', hasReceiptPrinter: result.hasReceiptPrinter })
      else setOutcome({ type: 'none' })
    } catch (failure) {
      setOutcome({ type: 'open' })
      setError(
        failure instanceof PosError && failure.code === 'NOT_SUPPORTED'
          ? t('endOfSale.emailOff')
          : t('endOfSale.choiceFailed', { error: errorMessage(failure) }),
      )
    }
  }

  function pick(choice: ReceiptChoice) {
    setSelected(choice)
    setError(null)
    // E-mail asks for the address first (again, after another choice or a sent e-mail).
    if (choice === 'email') setOutcome({ type: 'open' })
    else void choose(choice)
  }

  function sendEmail() {
    const parsed = EmailAddress.safeParse(address.trim())
    if (!parsed.success) {
      setError(t('endOfSale.badAddress'))
      return
    }
    void choose('email', parsed.data)
  }

  return {
    selected,
    outcome,
    address,
    error,
    setAddress: (next) => {
      setAddressText(next)
      setError(null)
    },
    pick,
    sendEmail,
  }
}
