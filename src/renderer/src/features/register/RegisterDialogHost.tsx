import type { ComponentProps } from 'react'
import type { OrderTotals } from '../../../../shared/domain'
import type { StoreOptions } from '../../../../shared/store/options'
import { useTranslation } from '../../i18n'
import type { Cart } from './cart'
import { lineDisplayName, toLineDraft, type LineChoice } from './cartModel'
import { CustomerDialog } from './CustomerDialog'
import { DiscountDialog } from './DiscountDialog'
import { LineEditorDialog, type LineEdit } from './LineEditorDialog'
import { OptionsDialog } from './OptionsDialog'
import { ParkedListDialog } from './ParkedListDialog'
import type { Customer, ParkedOrder } from './saleTypes'
import { TenderDialog } from './TenderDialog'
import { TextDialog } from './TextDialog'
import { useDiscountApproval } from './useDiscountApproval'
import type { ParkedOrdersState } from './useParkedOrders'

export type RegisterDialog =
  | { type: 'options'; choice: LineChoice }
  | { type: 'pay' }
  | { type: 'line'; lineId: string }
  | { type: 'lineDiscount'; lineId: string }
  | { type: 'lineOptions'; lineId: string }
  | { type: 'orderDiscount' }
  | { type: 'orderNote' }
  | { type: 'customer' }
  | { type: 'clear' }
  | { type: 'park' }
  | { type: 'parked' }

const clearReasonKeys = ['changedMind', 'mistake', 'couldNotPay'] as const

interface RegisterDialogHostProps {
  dialog: RegisterDialog
  cart: Cart
  totals: OrderTotals | null
  tenders: StoreOptions['tenderMethods']
  parked: ParkedOrdersState
  onClose: () => void
  /** Another dialog in this one's place (the line editor's discount or options, and back). */
  onOpen: (dialog: RegisterDialog) => void
  onAddLine: (choice: LineChoice) => void
  onSaleCompleted: ComponentProps<typeof TenderDialog>['onCompleted']
  onAttachCustomer: (customer: Customer) => void
  onClear: (reason: string) => Promise<void>
  onPark: (label: string) => Promise<void>
  onRecall: (order: ParkedOrder, parkCurrentFirst: boolean) => Promise<void>
}

/** The one register dialog that is open, wired to the cart it changes. */
export function RegisterDialogHost(props: RegisterDialogHostProps) {
  const { t } = useTranslation('register')
  const { t: tc } = useTranslation('cart')
  const { dialog, cart, totals, onClose, onOpen } = props
  const discounts = useDiscountApproval(cart)
  const lineIndex = (lineId: string) => cart.lines.findIndex((line) => line.lineId === lineId)
  const saveLine = (lineId: string, edit: LineEdit) => {
    cart.setQuantity(lineId, edit.quantity)
    cart.setLineNote(lineId, edit.note)
  }

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
            ...(cart.discountApprovalIds.length > 0
              ? { discountApprovalIds: cart.discountApprovalIds }
              : {}),
          }}
          totalCents={totals.totalCents}
          tenders={props.tenders}
          onClose={onClose}
          onCompleted={props.onSaleCompleted}
        />
      )
    case 'line': {
      const line = cart.lines[lineIndex(dialog.lineId)]
      if (!line) return null
      return (
        <LineEditorDialog
          line={line}
          totals={totals?.lines[lineIndex(dialog.lineId)]}
          onClose={onClose}
          onSave={(edit) => {
            saveLine(line.lineId, edit)
            onClose()
          }}
          onDiscount={(edit) => {
            saveLine(line.lineId, edit)
            onOpen({ type: 'lineDiscount', lineId: line.lineId })
          }}
          onOptions={(edit) => {
            saveLine(line.lineId, edit)
            onOpen({ type: 'lineOptions', lineId: line.lineId })
          }}
          onRemove={() => {
            cart.remove(line.lineId)
            onClose()
          }}
        />
      )
    }
    case 'lineDiscount': {
      const line = cart.lines[lineIndex(dialog.lineId)]
      const lineTotals = totals?.lines[lineIndex(dialog.lineId)]
      if (!line || !lineTotals) return null
      const backToLine = () => onOpen({ type: 'line', lineId: line.lineId })
      return (
        <DiscountDialog
          title={t('dialogs.lineDiscountTitle', { name: lineDisplayName(line) })}
          baseCents={lineTotals.grossCents}
          current={line.discount}
          onClose={backToLine}
          onApply={async (discount) => {
            await discounts.applyLineDiscount(line, discount)
            backToLine()
          }}
        />
      )
    }
    case 'lineOptions': {
      const line = cart.lines[lineIndex(dialog.lineId)]
      if (!line) return null
      const backToLine = () => onOpen({ type: 'line', lineId: line.lineId })
      return (
        <OptionsDialog
          choice={line}
          submitText={tc('options.update')}
          onClose={backToLine}
          onAdd={(choice) => {
            cart.setLineOptions(
              line.lineId,
              choice.variantId ?? null,
              choice.modifierOptionIds ?? [],
            )
            backToLine()
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
          onApply={async (discount) => {
            await discounts.applyOrderDiscount(discount)
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
    case 'clear':
      return (
        <TextDialog
          title={tc('clear.title')}
          label={tc('clear.reason')}
          maxLength={200}
          isDanger
          confirmLabel={tc('clear.confirm')}
          suggestions={clearReasonKeys.map((key) => t(`voidReasons.${key}`))}
          onClose={onClose}
          onSubmit={props.onClear}
        >
          <p className="dialog-intro">
            {tc('clear.intro', { count: cart.lines.reduce((sum, line) => sum + line.quantity, 0) })}
          </p>
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
