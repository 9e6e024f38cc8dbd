import { Component, type ErrorInfo, type ReactNode } from 'react'
import { i18n } from '../i18n'
import { errorMessage } from '../pos'

interface ErrorBoundaryState {
  error: unknown
  hasError: boolean
}

/** Last line of defence: a rendering bug shows a message and a way out, never a blank till. */
export class ErrorBoundary extends Component<{ children: ReactNode }, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { error: null, hasError: false }

  static getDerivedStateFromError(error: unknown): ErrorBoundaryState {
    return { error, hasError: true }
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error('The register screen crashed', error, info.componentStack)
  }

  override render() {
    if (!this.state.hasError) return this.props.children
    return (
      <main className="startup">
        <h1 className="startup-title">{i18n.t('common:appName')}</h1>
        <div role="alert" className="error-alert">
          <span className="error-alert-message">
            {i18n.t('common:errors.screenCrashed', { error: errorMessage(this.state.error) })}
          </span>
          <button
            type="button"
            className="button button-secondary button-small"
            onClick={() => window.location.reload()}
          >
            {i18n.t('common:actions.reload')}
          </button>
        </div>
      </main>
    )
  }
}
