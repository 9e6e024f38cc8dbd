// `node scripts/audit.mjs`: Electronegativity over the register's Electron code (src/main,
// src/preload, src/renderer) and a fresh `electron-vite build`, failing on any finding that
// security/electronegativity-allow.json does not justify, and on allow-list entries that no longer
// match a finding (so the list cannot quietly outlive the code it excuses).
//   --source DIR   scan DIR as it is instead of the project (no build; used by the tests)
//   --allow FILE   another allow-list file
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'

const projectRoot = resolve(import.meta.dirname, '..')
const bin = (name) => join(projectRoot, 'node_modules', '.bin', name)

/** @typedef {{ id: string, file: string, line: number, level: string, message: string }} Finding */
/** @typedef {{ id: string, file: string, justification: string }} Allowance */

/** Build hashes change every build; an allowance names the asset, not one build of it. */
export function normaliseFile(file) {
  return file.replace(/-[A-Za-z0-9_-]{8}(\.(?:js|css|cjs|mjs))$/, '-[hash]$1')
}

/** @returns {Finding[]} */
export function findingsFromSarif(sarif) {
  return (sarif.runs ?? []).flatMap((run) =>
    (run.results ?? []).map((result) => {
      const location = result.locations?.[0]?.physicalLocation
      const uri = location?.artifactLocation?.uri ?? 'N/A'
      return {
        id: result.ruleId,
        // Global checks (no CSP at all, no navigation limits …) have no file.
        file: uri === 'file:///' ? 'N/A' : normaliseFile(uri),
        line: location?.region?.startLine ?? 0,
        level: result.level ?? 'warning',
        message: result.message?.text ?? '',
      }
    }),
  )
}

/** @returns {string[]} problems with the allow-list itself */
export function checkAllowList(list) {
  const problems = []
  if (!Array.isArray(list?.findings)) return ['the allow-list needs a "findings" array']
  const keys = new Set()
  for (const [index, entry] of list.findings.entries()) {
    const where = `findings[${index}]`
    if (typeof entry?.id !== 'string' || typeof entry?.file !== 'string')
      problems.push(`${where}: needs "id" and "file"`)
    const text = typeof entry?.justification === 'string' ? entry.justification.trim() : ''
    // One sentence that says why, not a placeholder.
    if (text.length < 30 || !/[.]$/.test(text) || /[.!?]\s+[A-Z]/.test(text))
      problems.push(
        `${where} (${entry?.id} ${entry?.file}): the justification must be one sentence`,
      )
    const key = `${entry?.id} ${entry?.file}`
    if (keys.has(key)) problems.push(`${where}: ${key} is listed twice`)
    keys.add(key)
  }
  return problems
}

/**
 * @param {Finding[]} findings
 * @param {{ findings: Allowance[] }} list
 */
export function judge(findings, list) {
  const allowed = new Map(list.findings.map((entry) => [`${entry.id} ${entry.file}`, entry]))
  const used = new Set()
  const unjustified = []
  const justified = []
  for (const finding of findings) {
    const key = `${finding.id} ${finding.file}`
    const entry = allowed.get(key)
    if (entry) {
      used.add(key)
      justified.push({ ...finding, justification: entry.justification })
    } else unjustified.push(finding)
  }
  const stale = [...allowed.keys()].filter((key) => !used.has(key))
  return { justified, unjustified, stale }
}

function stageProject(scanDir) {
  for (const part of ['main', 'preload', 'renderer'])
    cpSync(join(projectRoot, 'src', part), join(scanDir, 'src', part), { recursive: true })
  const build = spawnSync(
    bin('electron-vite'),
    ['build', '--outDir', join(scanDir, 'out'), '--logLevel', 'error'],
    { cwd: projectRoot, encoding: 'utf8' },
  )
  if (build.status !== 0) throw new Error(`electron-vite build failed:\n${build.stderr}`)
}

function main() {
  const { values } = parseArgs({
    options: { source: { type: 'string' }, allow: { type: 'string' } },
  })
  const allowFile = resolve(
    values.allow ?? join(projectRoot, 'security', 'electronegativity-allow.json'),
  )
  const list = JSON.parse(readFileSync(allowFile, 'utf8'))
  const listProblems = checkAllowList(list)
  const electronVersion = JSON.parse(
    readFileSync(join(projectRoot, 'node_modules', 'electron', 'package.json'), 'utf8'),
  ).version

  const work = mkdtempSync(join(tmpdir(), 'auraflow-audit-'))
  try {
    let scanDir = values.source ? resolve(values.source) : join(work, 'scan')
    if (!values.source) stageProject(scanDir)
    const report = join(work, 'electronegativity.sarif')
    // Offline it cannot fetch translations or Electron's release list; it says so and still scans.
    const run = spawnSync(
      bin('electronegativity'),
      ['-i', scanDir, '-e', electronVersion, '-o', report, '-r', '-v', 'false'],
      { cwd: work, encoding: 'utf8' },
    )
    if (!existsSync(report)) {
      console.error(
        `Electronegativity wrote no report (exit ${run.status}):\n${run.stdout}\n${run.stderr}`,
      )
      process.exit(2)
    }
    const findings = findingsFromSarif(JSON.parse(readFileSync(report, 'utf8')))
    const { justified, unjustified, stale } = judge(findings, list)

    console.log(
      `Electronegativity ${electronVersion ? `(Electron ${electronVersion})` : ''}: ${findings.length} finding(s)`,
    )
    for (const finding of justified)
      console.log(
        `  justified    ${finding.id} ${finding.file}:${finding.line} — ${finding.justification}`,
      )
    for (const finding of unjustified)
      console.log(
        `  NOT JUSTIFIED ${finding.id} ${finding.file}:${finding.line} — ${finding.message}`,
      )
    for (const key of stale)
      console.log(`  STALE allow-list entry (no such finding any more): ${key}`)
    for (const problem of listProblems) console.log(`  ALLOW-LIST ${problem}`)

    const failures = unjustified.length + stale.length + listProblems.length
    if (failures > 0) {
      console.log(
        `\nAudit failed: fix the code, or justify the finding in ${allowFile} in one sentence.`,
      )
      process.exit(1)
    }
    console.log('Audit passed.')
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) main()
