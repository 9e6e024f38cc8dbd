import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { migrationsFolder } from '../../../src/server/db/connection'

interface Journal {
  entries: { idx: number; tag: string }[]
}

/**
 * Writes into `folder` the server migrations as the release before a migration shipped them:
 * every migration before the one whose tag ends with `tagSuffix`. Returns how many it copied.
 * An upgrade test migrates a database with this folder, writes old-shaped rows, then runs the
 * real migrations over it.
 */
export function writeMigrationsBefore(folder: string, tagSuffix: string): number {
  const journal = JSON.parse(
    readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8'),
  ) as Journal
  const ours = journal.entries.findIndex((entry) => entry.tag.endsWith(tagSuffix))
  if (ours < 1) throw new Error(`no migration after the first ends with ${tagSuffix}`)
  const earlier = journal.entries.slice(0, ours)
  mkdirSync(path.join(folder, 'meta'))
  writeFileSync(
    path.join(folder, 'meta', '_journal.json'),
    JSON.stringify({ ...journal, entries: earlier }),
  )
  for (const entry of earlier)
    copyFileSync(
      path.join(migrationsFolder, `${entry.tag}.sql`),
      path.join(folder, `${entry.tag}.sql`),
    )
  return earlier.length
}
