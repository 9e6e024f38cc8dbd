import { describe } from 'vitest'
import { adminCatalogTests } from './adminCatalogTests'
import { conflictTests } from './conflictTests'
import { coreTests } from './coreTests'
import { healthTests } from './healthTests'
import { inputGuardTests } from './inputGuardTests'
import { operationsTests } from './operationsTests'
import { provisioningTests } from './provisioningTests'
import { pullSerializationTests } from './pullSerializationTests'
import { scopeTests } from './scopeTests'
import { seedHardeningTests } from './seedHardeningTests'
import { seedTests } from './seedTests'
import { sellingTests } from './sellingTests'
import type { SuiteDatabase } from './suiteContext'
import { SuiteContext } from './suiteContext'

export type { SuiteDatabase } from './suiteContext'

/** Every endpoint, run against the database the caller opens (PGlite or PostgreSQL). */
export function defineSyncSuite(label: string, target: SuiteDatabase): void {
  describe(`sync server on ${label}`, () => {
    const context = new SuiteContext(target)
    coreTests(context)
    pullSerializationTests(context)
    conflictTests(context)
    scopeTests(context)
    seedTests(context)
    seedHardeningTests(context)
    inputGuardTests(context)
    operationsTests(context)
    sellingTests(context)
    adminCatalogTests(context)
    healthTests(context)
    provisioningTests(context)
  })
}
