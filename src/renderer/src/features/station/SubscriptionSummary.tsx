import type { RegisterConfig } from '../../../../shared/store/registerConfig'
import { useTranslation } from '../../i18n'
import { useCategories } from './useCategories'

/** Which registers' orders (and, in a kitchen, which categories) this station prints. */
export function SubscriptionSummary({ config }: { config: RegisterConfig }) {
  const { t, i18n } = useTranslation('station')
  const { categories } = useCategories()
  const list = new Intl.ListFormat(i18n.language, { style: 'long', type: 'conjunction' })
  const registers =
    config.stationRegisterCodes.length === 0
      ? t('subscription.allRegisters')
      : t('subscription.registers', { codes: list.format(config.stationRegisterCodes) })
  const categoryNames = config.stationCategoryIds.map(
    (id) =>
      categories?.find((category) => category.id === id)?.name ?? t('subscription.unknownCategory'),
  )
  const printers = config.printers.map((printer) => printer.name)
  return (
    <dl className="station-subscription" data-testid="station-subscription">
      {config.mode !== 'register' && (
        <div className="station-subscription-item">
          <dt>{t('subscription.ordersFrom')}</dt>
          <dd>{registers}</dd>
        </div>
      )}
      {config.mode === 'kitchen-station' && (
        <div className="station-subscription-item">
          <dt>{t('subscription.categories')}</dt>
          <dd>
            {categoryNames.length === 0
              ? t('subscription.allCategories')
              : list.format(categoryNames)}
          </dd>
        </div>
      )}
      <div className="station-subscription-item">
        <dt>{t('subscription.printers')}</dt>
        <dd>{printers.length === 0 ? t('subscription.noPrinters') : list.format(printers)}</dd>
      </div>
    </dl>
  )
}
