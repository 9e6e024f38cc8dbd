import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { checkAllowList, findingsFromSarif, judge, normaliseFile } from '../../scripts/audit.mjs'

const projectRoot = resolve(import.meta.dirname, '..', '..')
const scratch = mkdtempSync(join(tmpdir(), 'auraflow-audit-test-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

const sentence = 'This finding is reviewed and accepted for a reason written down here.'

describe('the audit gate', () => {
  it('fails on an unjustified finding in code that weakens a window, and on a stale allowance', () => {
    // A main process that turns every protection off, and an allow-list excusing only part of it.
    const source = join(scratch, 'app')
    mkdirSync(join(source, 'main'), { recursive: true })
    writeFileSync(
      join(source, 'main', 'index.js'),
      [
        "const { BrowserWindow } = require('electron')",
        'const window = new BrowserWindow({',
        '  webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false },',
        '})',
        "window.loadURL('http://example.com')",
      ].join('\n'),
    )
    const allow = join(scratch, 'allow.json')
    writeFileSync(
      allow,
      JSON.stringify({
        findings: [
          { id: 'SANDBOX_JS_CHECK', file: 'main/index.js', justification: sentence },
          { id: 'PRELOAD_JS_CHECK', file: 'main/gone.js', justification: sentence },
        ],
      }),
    )
    const run = spawnSync(
      process.execPath,
      [join(projectRoot, 'scripts', 'audit.mjs'), '--source', source, '--allow', allow],
      {
        cwd: projectRoot,
        encoding: 'utf8',
      },
    )
    expect(run.status, run.stdout + run.stderr).toBe(1)
    expect(run.stdout).toMatch(/justified\s+SANDBOX_JS_CHECK main\/index\.js/)
    expect(run.stdout).toMatch(/NOT JUSTIFIED HTTP_RESOURCES_JS_CHECK main\/index\.js/)
    expect(run.stdout).toMatch(/NOT JUSTIFIED CONTEXT_ISOLATION_JS_CHECK main\/index\.js/)
    expect(run.stdout).toMatch(/STALE allow-list entry .*PRELOAD_JS_CHECK main\/gone\.js/)
  })

  it('matches findings to allowances by check and file, and reports the rest', () => {
    const findings = [
      { id: 'A_CHECK', file: 'src/x.ts', line: 1, level: 'warning', message: '' },
      { id: 'A_CHECK', file: 'src/y.ts', line: 2, level: 'warning', message: '' },
    ]
    const outcome = judge(findings, {
      findings: [
        { id: 'A_CHECK', file: 'src/x.ts', justification: sentence },
        { id: 'B_CHECK', file: 'src/x.ts', justification: sentence },
      ],
    })
    expect(outcome.justified.map((finding) => finding.file)).toEqual(['src/x.ts'])
    expect(outcome.unjustified.map((finding) => finding.file)).toEqual(['src/y.ts'])
    expect(outcome.stale).toEqual(['B_CHECK src/x.ts'])
  })

  it('wants one real sentence per allowance, once', () => {
    expect(checkAllowList({ findings: [{ id: 'A', file: 'f', justification: sentence }] })).toEqual(
      [],
    )
    expect(
      checkAllowList({ findings: [{ id: 'A', file: 'f', justification: 'ok' }] }),
    ).toHaveLength(1)
    expect(
      checkAllowList({
        findings: [{ id: 'A', file: 'f', justification: `${sentence} And another one.` }],
      }),
    ).toHaveLength(1)
    expect(
      checkAllowList({
        findings: [
          { id: 'A', file: 'f', justification: sentence },
          { id: 'A', file: 'f', justification: sentence },
        ],
      }),
    ).toHaveLength(1)
    expect(checkAllowList({})).toHaveLength(1)
  })

  it('reads Electronegativity SARIF, global findings included, and ignores build hashes', () => {
    const findings = findingsFromSarif({
      runs: [
        {
          results: [
            {
              ruleId: 'CSP_GLOBAL_CHECK',
              level: 'note',
              message: { text: 'm' },
              locations: [{ physicalLocation: { artifactLocation: { uri: 'file:///' } } }],
            },
            {
              ruleId: 'X',
              message: { text: 'm' },
              locations: [
                {
                  physicalLocation: {
                    artifactLocation: { uri: 'out/renderer/assets/index-CTS4tX2L.js' },
                    region: { startLine: 9 },
                  },
                },
              ],
            },
          ],
        },
      ],
    })
    expect(findings).toEqual([
      { id: 'CSP_GLOBAL_CHECK', file: 'N/A', line: 0, level: 'note', message: 'm' },
      {
        id: 'X',
        file: 'out/renderer/assets/index-[hash].js',
        line: 9,
        level: 'warning',
        message: 'm',
      },
    ])
    expect(normaliseFile('src/main/index.ts')).toBe('src/main/index.ts')
  })

  it("keeps the project's allow-list well-formed", () => {
    const list = JSON.parse(
      readFileSync(join(projectRoot, 'security', 'electronegativity-allow.json'), 'utf8'),
    ) as unknown
    expect(checkAllowList(list)).toEqual([])
  })
})
