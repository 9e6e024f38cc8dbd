import '../../renderer/src/zodConfig'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { I18nextProvider } from 'react-i18next'
import { BrowserRouter } from 'react-router'
import { App } from './App'
import { SessionProvider } from './features/session/SessionProvider'
import { applyLanguage, i18n, initialLanguage } from './i18n'
import '../../renderer/src/styles/base.css'
import '../../renderer/src/styles/controls.css'
import '../../renderer/src/styles/page.css'
import './styles/backoffice.css'

const container = document.getElementById('root')
if (!container) throw new Error('index.html has no #root element')

applyLanguage(initialLanguage(), false)

createRoot(container).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <SessionProvider>
        <BrowserRouter>
          <App />
        </BrowserRouter>
      </SessionProvider>
    </I18nextProvider>
  </StrictMode>,
)
