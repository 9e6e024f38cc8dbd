import type { ComponentProps } from 'react'
import type { OrderTotals } from '../../../../shared/domain'
import type { StoreOptions } from '../../../../shared/store/options'
import { useTranslation } from '../../i18n'
import type { Cart } from './cart'
import { lineDisplayName, toLineDraft, type LineChoice } from './cartModel'
import { CustomerDialog } from './CustomerDialog'
import { DiscountDialog } from './DiscountDialog'
import { OptionsDialog } from './OptionsDialog'
import { ParkedListDialog } from './ParkedListDialog'
import type { Customer, ParkedOrder } from './saleTypes'
import { TenderDialog } from './TenderDialog'
import { TextDialog } from './TextDialog'
import type { ParkedOrdersState } from './useParkedOrders'

export type RegisterDialog =
  | { type: 'options'; choice: LineChoice }
  | { type: 'pay' }
  | { type: 'lineDiscount'; lineId: string }
  | { type: 'lineNote'; lineId: string }
  | { type: 'orderDiscount' }
  | { type: 'orderNote' }
  | { type: 'customer' }
  | { type: 'void' }
  | { type: 'park' }
  | { type: 'parked' }

const voidReasonKeys = ['changedMind', 'mistake', 'couldNotPay'] as const

interface RegisterDialogHostProps {
  dialog: RegisterDialog
  cart: Cart
  totals: OrderTotals | null
  tenders: StoreOptions['tenderMethods']
  parked: ParkedOrdersState
  onClose: () => void
  onAddLine: (choice: LineChoice) => void
  onSaleCompleted: ComponentProps<typeof TenderDialog>['onCompleted']
  onAttachCustomer: (customer: Customer) => void
  onVoid: (reason: string) => Promise<void>
  onPark: (label: string) => Promise<void>
  onRecall: (order: ParkedOrder, parkCurrentFirst: boolean) => Promise<void>
}

/** The one register dialog that is open, wired to the cart it changes. */
export function RegisterDialogHost(props: RegisterDialogHostProps) {
  const { t } = useTranslation('register')
  const { dialog, cart, totals, onClose } = props
  const lineIndex = (lineId: string) => cart.lines.findIndex((line) => line.lineId === lineId)

  switch (dialog.type) {
    case 'options':
      return (
        <OptionsDialog
          choice={dialog.choice}
          onClose={onClose}
          onAdd={(choice) => {
            onClose()
            props.onAddLine(choice)
          }}
        />
      )
    case 'pay':
      if (!totals) return null
      return (
        <TenderDialog
          sale={{
            lines: cart.lines.map(toLineDraft),
            ...(cart.orderDiscount ? { orderDiscount: cart.orderDiscount } : {}),
            ...(cart.customer ? { customerId: cart.customer.id } : {}),
            ...(cart.note ? { note: cart.note } : {}),
          }}
          totalCents={totals.totalCents}
          tenders={props.tenders}
          onClose={onClose}
          onCompleted={props.onSaleCompleted}
        />
      )
    case 'lineDiscount': {
      const line = cart.lines[lineIndex(dialog.lineId)]
      const lineTotals = totals?.lines[lineIndex(dialog.lineId)]
      if (!line || !lineTotals) return null
      return (
        <DiscountDialog
          title={t('dialogs.lineDiscountTitle', { name: lineDisplayName(line) })}
          baseCents={lineTotals.grossCents}
          current={line.discount}
          onClose={onClose}
          onApply={(discount) => {
            cart.setLineDiscount(line.lineId, discount)
            onClose()
          }}
        />
      )
    }
    case 'lineNote': {
      const line = cart.lines[lineIndex(dialog.lineId)]
      if (!line) return null
      return (
        <TextDialog
          title={t('dialogs.lineNoteTitle', { name: lineDisplayName(line) })}
          label={t('dialogs.note')}
          initialValue={line.note}
          maxLength={200}
          confirmLabel={t('dialogs.saveNote')}
          onClose={onClose}
          onSubmit={(note) => {
            cart.setLineNote(line.lineId, note)
            onClose()
          }}
        />
      )
    }
    case 'orderDiscount': {
      const afterLineDiscountsCents =
        totals?.lines.reduce((sum, line) => sum + line.grossCents - line.lineDiscountCents, 0) ?? 0
      return (
        <DiscountDialog
          title={t('dialogs.orderDiscount')}
          baseCents={afterLineDiscountsCents}
          current={cart.orderDiscount}
          onClose={onClose}
          onApply={(discount) => {
            cart.setOrderDiscount(discount)
            onClose()
          }}
        />
      )
    }
    case 'orderNote':
      return (
        <TextDialog
          title={t('dialogs.orderNote')}
          label={t('dialogs.note')}
          initialValue={cart.note}
          maxLength={500}
          confirmLabel={t('dialogs.saveNote')}
          onClose={onClose}
          onSubmit={(note) => {
            cart.setOrderNote(note)
            onClose()
          }}
        />
      )
    case 'customer':
      return <CustomerDialog onClose={onClose} onAttach={props.onAttachCustomer} />
    case 'void':
      return (
        <TextDialog
          title={t('dialogs.voidTitle')}
          label={t('dialogs.reason')}
          maxLength={200}
          isRequired
          isDanger
          confirmLabel={t('dialogs.voidSale')}
          suggestions={voidReasonKeys.map((key) => t(`voidReasons.${key}`))}
          onClose={onClose}
          onSubmit={props.onVoid}
        >
          <p className="dialog-intro">{t('dialogs.voidIntro')}</p>
        </TextDialog>
      )
    case 'park':
      return (
        <TextDialog
          title={t('dialogs.parkTitle')}
          label={t('dialogs.parkLabel')}
          maxLength={60}
          confirmLabel={t('dialogs.parkTitle')}
          onClose={onClose}
          onSubmit={props.onPark}
        />
      )
    case 'parked':
      return (
        <ParkedListDialog
          orders={props.parked.orders}
          loadError={props.parked.error}
          cartItemCount={cart.lines.reduce((count, line) => count + line.quantity, 0)}
          onRecall={props.onRecall}
          onClose={onClose}
        />
      )
    default: {
      const unknownDialog: never = dialog
      return unknownDialog
    }
  }
}
