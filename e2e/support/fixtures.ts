import { test as base } from '@playwright/test'
import {
  makeDataDir,
  startWebRegister,
  type WebRegister,
  type WebRegisterOptions,
} from './webRegister'

export interface Registers {
  /** This test's own folder; each register gets a subfolder unless told otherwise. */
  readonly root: string
  /** Starts a web-host register on `root/<dir>` (default `root/register`); stopped after the test. */
  start(options?: WebRegisterOptions & { dir?: string }): Promise<WebRegister>
}

/** `registers`: web-host registers on throwaway data folders, stopped and removed after each test. */
export const test = base.extend<{ registers: Registers }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads fixture dependencies from this pattern.
  registers: async ({}, use, testInfo) => {
    const data = makeDataDir()
    const started: WebRegister[] = []
    await use({
      root: data.dir,
      start: async ({ dir = 'register', ...options } = {}) => {
        const register = await startWebRegister(`${data.dir}/${dir}`, options)
        started.push(register)
        return register
      },
    })
    for (const register of started) await register.stop()
    // A failed test keeps what each register printed (a crash, a refused start) beside its trace.
    if (testInfo.status !== testInfo.expectedStatus) {
      for (const [index, register] of started.entries()) {
        await testInfo.attach(`register-${index + 1}-output`, {
          body: register.output.join('\n'),
          contentType: 'text/plain',
        })
      }
    }
    data.remove()
  },
})

export { expect } from '@playwright/test'
