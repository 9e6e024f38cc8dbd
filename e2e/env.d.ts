import type { RawPosBridge } from '../src/shared/ipc/bridge'

declare global {
  interface Window {
    pos: RawPosBridge
  }
}
