import { useState } from 'react'
import { useLoad } from '../../hooks/useLoad'
import { useTranslation } from '../../i18n'
import { pos } from '../../pos'
import { SectionTabs } from './SectionTabs'
import type { StockItem } from './stockItem'
import { TransferIncomingView } from './TransferIncomingView'
import { TransferSendView } from './TransferSendView'

const views = ['send', 'incoming'] as const
type View = (typeof views)[number]

interface TransfersSectionProps {
  isActive: boolean
  onHistory: (item: StockItem) => void
}

/** Stock between the business's stores: send some to another store, receive what was sent here. */
export function TransfersSection({ isActive, onHistory }: TransfersSectionProps) {
  const { t } = useTranslation('stock')
  const [view, setView] = useState<View>('send')
  const transfers = useLoad(() => pos.invoke('stock:transfers', {}), [], {
    describeError: (error) => t('transfers.loadFailed', { error }),
  })
  return (
    <div className="stock-section" data-testid="transfers-section">
      <SectionTabs
        tabs={views.map((id) => ({ id, label: t(`transfers.views.${id}`) }))}
        selected={view}
        onSelect={setView}
        label={t('transfers.viewsLabel')}
        panelPrefix="transfer"
      />
      <div
        id="transfer-send"
        role="tabpanel"
        aria-labelledby="transfer-tab-send"
        hidden={view !== 'send'}
      >
        <TransferSendView
          isActive={isActive && view === 'send'}
          onHistory={onHistory}
          onSent={transfers.reload}
        />
      </div>
      <div
        id="transfer-incoming"
        role="tabpanel"
        aria-labelledby="transfer-tab-incoming"
        hidden={view !== 'incoming'}
      >
        <TransferIncomingView
          transfers={transfers}
          isActive={isActive && view === 'incoming'}
          onHistory={onHistory}
        />
      </div>
    </div>
  )
}
