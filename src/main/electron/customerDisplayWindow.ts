import { screen, type BrowserWindow } from 'electron'
import type { RegisterCore } from '../core'
import { createCustomerDisplayWindow } from './window'

/**
 * Keeps the customer display window open on the second screen while the register wants one
 * (a till with "Show the customer display on a second screen") and a second screen is there;
 * closes it otherwise. Follows settings saves and screens plugged in or out. Returns the stop
 * function; `current` is what registerIpc trusts as the display window.
 */
export function followCustomerDisplay(core: RegisterCore): {
  current: () => BrowserWindow | null
  stop: () => void
} {
  let window: BrowserWindow | null = null

  function reconcile() {
    const config = core.store.settings.getRegisterConfig()
    const primary = screen.getPrimaryDisplay()
    const second = screen.getAllDisplays().find((display) => display.id !== primary.id)
    const isWanted = config.mode === 'register' && config.hasCustomerDisplay && !!second
    if (!isWanted || !second) {
      if (window && !window.isDestroyed()) window.close()
      window = null
      return
    }
    if (window && !window.isDestroyed()) {
      window.setBounds(second.bounds)
      return
    }
    window = createCustomerDisplayWindow(second.bounds)
    window.on('closed', () => (window = null))
  }

  const stopEvents = core.events.onAny((event) => {
    if (event === 'register:configChanged') reconcile()
  })
  screen.on('display-added', reconcile)
  screen.on('display-removed', reconcile)
  screen.on('display-metrics-changed', reconcile)
  reconcile()
  return {
    current: () => (window && !window.isDestroyed() ? window : null),
    stop: () => {
      stopEvents()
      screen.off('display-added', reconcile)
      screen.off('display-removed', reconcile)
      screen.off('display-metrics-changed', reconcile)
      if (window && !window.isDestroyed()) window.close()
      window = null
    },
  }
}
