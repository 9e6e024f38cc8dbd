import { ErrorAlert } from '../../components/ErrorAlert'
import { Modal } from '../../components/Modal'
import { ModalActions } from '../../components/ModalActions'
import { useTranslation } from '../../i18n'
import { RefundLinesTable } from './RefundLinesTable'
import { RefundPreview } from './RefundPreview'
import { RefundReasonField } from './RefundReasonField'
import { RefundToChoice } from './RefundToChoice'
import { useRefundDialog, type RefundDialogOptions } from './useRefundDialog'

interface RefundDialogProps extends RefundDialogOptions {
  onClose: () => void
}

/** Gives back some or all of a sale: which lines and how many, why, and to which tenders. */
export function RefundDialog({ onClose, ...options }: RefundDialogProps) {
  const { t } = useTranslation('orders')
  const { order } = options
  const refund = useRefundDialog(options)
  const { isSubmitting } = refund

  return (
    <Modal
      title={t('refund.title', { number: order.orderNumber })}
      onClose={onClose}
      isCloseable={!isSubmitting}
      initialFocusRef={refund.firstFieldRef}
      className="refund-dialog"
    >
      <form
        className="refund-form"
        onSubmit={(event) => {
          event.preventDefault()
          void refund.submit()
        }}
        noValidate
      >
        <RefundLinesTable
          items={refund.items}
          quantities={refund.quantities}
          lineErrors={refund.lineErrors}
          isSubmitting={isSubmitting}
          firstFieldRef={refund.firstFieldRef}
          onQuantity={refund.setQuantity}
        />

        <button
          type="button"
          className="button button-secondary refund-all"
          disabled={isSubmitting}
          onClick={refund.chooseAllRemaining}
        >
          {t('refund.allRemaining')}
        </button>

        <RefundReasonField
          reason={refund.reason}
          reasonError={refund.reasonError}
          isDisabled={isSubmitting}
          inputRef={refund.reasonRef}
          onReason={refund.setReason}
        />

        <RefundToChoice
          refundTo={refund.refundTo}
          originalTenders={refund.originalTenders}
          isDisabled={isSubmitting}
          onChange={refund.setRefundTo}
        />

        <RefundPreview
          order={order}
          lines={refund.lines}
          unitCount={refund.unitCount}
          refundTo={refund.refundTo}
        />

        {refund.error && <ErrorAlert message={refund.error} />}

        <ModalActions submitLabel={t('refund.confirm')} onCancel={onClose} isBusy={isSubmitting} />
      </form>
    </Modal>
  )
}
