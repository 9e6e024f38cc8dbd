import '../../styles/stock.css'
import { useState, type ReactNode } from 'react'
import { useTranslation } from '../../i18n'
import { AdjustSection } from './AdjustSection'
import { CountSection } from './CountSection'
import { HistoryDialog } from './HistoryDialog'
import { ReceiveSection } from './ReceiveSection'
import { SectionTabs } from './SectionTabs'
import type { StockItem } from './stockItem'
import { TransfersSection } from './TransfersSection'

const sections = ['count', 'adjust', 'receive', 'transfers'] as const
type Section = (typeof sections)[number]

/**
 * The register's stock work, offline like the rest: counts, adjustments, receiving purchase orders
 * and transfers, each a tab. Every tab stays mounted, so a count half done survives a look at
 * another tab; only the tab on screen listens to the scanner.
 */
export function StockScreen() {
  const { t } = useTranslation('stock')
  const [section, setSection] = useState<Section>('count')
  const [historyItem, setHistoryItem] = useState<StockItem | null>(null)
  const isIdle = historyItem === null

  function panel(id: Section, content: ReactNode) {
    return (
      <section
        id={`stock-${id}`}
        role="tabpanel"
        aria-labelledby={`stock-tab-${id}`}
        className="page-card stock-panel"
        hidden={section !== id}
      >
        <h3 className="page-card-title">{t(`sections.${id}`)}</h3>
        {content}
      </section>
    )
  }

  return (
    <div className="page stock-page">
      <div className="page-content stock-content">
        <header className="page-header">
          <h2 className="page-title">{t('title')}</h2>
        </header>
        <SectionTabs
          tabs={sections.map((id) => ({ id, label: t(`sections.${id}`) }))}
          selected={section}
          onSelect={setSection}
          label={t('sectionsLabel')}
          panelPrefix="stock"
        />
        {panel(
          'count',
          <CountSection isActive={isIdle && section === 'count'} onHistory={setHistoryItem} />,
        )}
        {panel(
          'adjust',
          <AdjustSection isActive={isIdle && section === 'adjust'} onHistory={setHistoryItem} />,
        )}
        {panel(
          'receive',
          <ReceiveSection isActive={isIdle && section === 'receive'} onHistory={setHistoryItem} />,
        )}
        {panel(
          'transfers',
          <TransfersSection
            isActive={isIdle && section === 'transfers'}
            onHistory={setHistoryItem}
          />,
        )}
      </div>
      {historyItem && <HistoryDialog item={historyItem} onClose={() => setHistoryItem(null)} />}
    </div>
  )
}
