import './zodConfig'
import './i18n'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { ErrorBoundary } from './components/ErrorBoundary'
import {
  CustomerDisplayApp,
  isCustomerDisplayPage,
} from './features/customerDisplay/CustomerDisplayApp'
import './styles/base.css'
import './styles/shell.css'
import './styles/controls.css'
import './styles/topBarNarrow.css'
import './styles/register.css'
import './styles/cart.css'
import './styles/registerDialogs.css'
import './styles/orders.css'
import './styles/orderRefunds.css'
import './styles/page.css'
import './styles/sync.css'
import './styles/settings.css'
import './styles/storeRules.css'

const container = document.getElementById('root')
if (!container) throw new Error('index.html has no #root element')

createRoot(container).render(
  <StrictMode>
    <ErrorBoundary>
      {isCustomerDisplayPage(window.location) ? <CustomerDisplayApp /> : <App />}
    </ErrorBoundary>
  </StrictMode>,
)
