import '../../styles/manager.css'
import { useTranslation } from '../../i18n'
import { ConflictsSection } from './ConflictsSection'
import { SyncHealthSection } from './SyncHealthSection'
import { TodaySection } from './TodaySection'

/** The manager console: every register's sync health, conflicts to settle, and today's sales. */
export function ManagerScreen() {
  const { t } = useTranslation('manager')
  return (
    <div className="page manager-page">
      <div className="page-content manager-content">
        <header className="page-header">
          <h2 className="page-title">{t('title')}</h2>
        </header>
        <SyncHealthSection />
        <ConflictsSection />
        <TodaySection />
      </div>
    </div>
  )
}
