import { NavLink, useSearchParams } from 'react-router'
import { useTranslation } from '../../i18n'

/** The stock sections (on hand, reorder, transfers), keeping the chosen store. */
export function StockTabs() {
  const { t } = useTranslation('stock')
  const [params] = useSearchParams()
  const storeId = params.get('store')
  const query = storeId ? `?store=${encodeURIComponent(storeId)}` : ''
  const tabs = [
    { to: '/stock', label: t('tabs.levels') },
    { to: '/stock/reorder', label: t('tabs.reorder') },
    { to: '/stock/transfers', label: t('tabs.transfers') },
  ]
  return (
    <nav className="bo-toolbar" aria-label={t('tabs.label')}>
      {tabs.map((tab) => (
        <NavLink key={tab.to} end className="button button-secondary" to={`${tab.to}${query}`}>
          {tab.label}
        </NavLink>
      ))}
    </nav>
  )
}
