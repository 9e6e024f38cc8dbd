import '../../styles/tender.css'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Modal } from '../../components/Modal'
import { ModalActions } from '../../components/ModalActions'
import { useTranslation } from '../../i18n'
import { TenderEntryForm } from './TenderEntryForm'
import { TenderMethods, TenderPaymentList, TenderSummaryView } from './TenderParts'
import { useTender, type TenderOptions } from './useTender'

interface TenderDialogProps extends TenderOptions {
  onClose: () => void
}

/**
 * Takes payment: one tender after another (split tender) until the sale is paid. Cash counts as
 * soon as it is typed, so a cash-only sale is one step; a card is confirmed after the external
 * terminal approved it. "Complete sale" is only offered once the payments cover the total.
 */
export function TenderDialog({ onClose, ...options }: TenderDialogProps) {
  const { t } = useTranslation('register')
  const pay = useTender(options)
  const { taken, isSubmitting } = pay

  return (
    <Modal
      title={t('tender.title')}
      onClose={onClose}
      isCloseable={!isSubmitting}
      initialFocusRef={pay.amountRef}
      className="tender-dialog"
    >
      <div className="tender-body">
        <TenderSummaryView summary={pay.summary} />

        <TenderMethods
          tenders={options.tenders}
          chosenId={pay.tender?.id}
          isDisabled={isSubmitting}
          onChoose={pay.chooseTender}
        />

        {pay.tender && !taken.isFullyPaid && (
          <TenderEntryForm
            tender={pay.tender}
            taken={taken}
            summary={pay.summary}
            entry={pay.entry}
            amountText={pay.amountText}
            referenceText={pay.referenceText}
            isSubmitting={isSubmitting}
            amountRef={pay.amountRef}
            onAmountText={pay.setAmountText}
            onReferenceText={pay.setReferenceText}
            onSubmit={(event) => {
              event.preventDefault()
              pay.submitEntry()
            }}
          />
        )}

        <TenderPaymentList
          payments={pay.payments}
          isDisabled={isSubmitting}
          onRemove={pay.removePayment}
        />

        {pay.error && <ErrorAlert message={pay.error} />}

        <ModalActions
          submitLabel={t('tender.complete')}
          onCancel={onClose}
          isBusy={isSubmitting}
          isSubmitDisabled={!pay.canComplete}
          submitType="button"
          onSubmit={() => void pay.complete()}
          submitClassName="button-primary button-complete"
          submitRef={pay.completeRef}
        />
      </div>
    </Modal>
  )
}
