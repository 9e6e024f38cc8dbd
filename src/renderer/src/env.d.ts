/// <reference types="vite/client" />
import type { RawPosBridge } from '../../shared/ipc'

declare global {
  interface Window {
    /**
     * Put there by the Electron preload or the web host's bridge script before the app loads.
     * Optional because a page opened any other way has no register behind it.
     */
    readonly pos?: RawPosBridge
  }
}

declare module 'react' {
  interface CSSProperties {
    /** A category's colour, picked up by the tile and tab styles. */
    '--accent'?: string
  }
}

export {}
