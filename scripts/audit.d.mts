// Types for scripts/audit.mjs (plain ESM so `node scripts/audit.mjs` needs no build step).
export interface Finding {
  id: string
  file: string
  line: number
  level: string
  message: string
}
export interface Allowance {
  id: string
  file: string
  justification: string
}
export function normaliseFile(file: string): string
export function findingsFromSarif(sarif: unknown): Finding[]
export function checkAllowList(list: unknown): string[]
export function judge(
  findings: Finding[],
  list: { findings: Allowance[] },
): {
  justified: (Finding & { justification: string })[]
  unjustified: Finding[]
  stale: string[]
}
