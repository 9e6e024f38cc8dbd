import { readFileSync } from 'node:fs'
import path from 'node:path'

interface CallFrame {
  functionName: string
  url: string
  lineNumber: number
}

interface CpuProfile {
  nodes: { id: number; callFrame: CallFrame; children?: number[] }[]
  samples: number[]
  timeDeltas: number[]
}

export interface ProfileShare {
  name: string
  selfMs: number
  /** Share of the busy (non-idle) time. */
  percent: number
}

export interface ProfileSummary {
  file: string
  busyMs: number
  idleMs: number
  byOwner: ProfileShare[]
  /** Native and Node built-in frames (socket and file writes) charged to the package or file that called them. */
  byCallingOwner: ProfileShare[]
  byFunction: ProfileShare[]
}

/** Where a frame's code lives: a file of ours, a package, a Node built-in or a V8 pseudo-frame. */
function ownerOf(url: string, functionName: string, repoRoot: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)'
  const packageMatch = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)
  if (packageMatch) return `pkg ${packageMatch[1]}`
  if (url.startsWith('node:')) return url
  const filePath = url.startsWith('file://') ? new URL(url).pathname : url
  return filePath.startsWith(repoRoot) ? path.relative(repoRoot, filePath) : filePath
}

function top(totals: Map<string, number>, busyMs: number, count: number): ProfileShare[] {
  return [...totals.entries()]
    .sort((left, right) => right[1] - left[1])
    .slice(0, count)
    .map(([name, selfMs]) => ({
      name,
      selfMs: Math.round(selfMs),
      percent: Math.round((1000 * selfMs) / Math.max(1, busyMs)) / 10,
    }))
}

const isNodeOrNative = (frame: CallFrame) => frame.url === '' || frame.url.startsWith('node:')

/** Self time of a V8 `.cpuprofile` by owner (file or package) and by function. */
export function summarizeProfile(file: string, repoRoot: string, count = 12): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile
  const frames = new Map(profile.nodes.map((node) => [node.id, node.callFrame]))
  const parents = new Map<number, number>()
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parents.set(child, node.id)
  const callingOwner = (nodeId: number, frame: CallFrame): string => {
    let current: number | undefined = nodeId
    let currentFrame: CallFrame | undefined = frame
    while (currentFrame && isNodeOrNative(currentFrame) && current !== undefined) {
      current = parents.get(current)
      currentFrame = current === undefined ? undefined : frames.get(current)
    }
    return currentFrame && !isNodeOrNative(currentFrame)
      ? ownerOf(currentFrame.url, currentFrame.functionName, repoRoot)
      : ownerOf(frame.url, frame.functionName, repoRoot)
  }
  const byOwner = new Map<string, number>()
  const byCallingOwner = new Map<string, number>()
  const byFunction = new Map<string, number>()
  let busyMs = 0
  let idleMs = 0
  profile.samples.forEach((nodeId, index) => {
    const ms = (profile.timeDeltas[index] ?? 0) / 1000
    const frame = frames.get(nodeId)
    if (!frame || frame.functionName === '(idle)') {
      idleMs += ms
      return
    }
    busyMs += ms
    const owner = ownerOf(frame.url, frame.functionName, repoRoot)
    byOwner.set(owner, (byOwner.get(owner) ?? 0) + ms)
    const caller = callingOwner(nodeId, frame)
    byCallingOwner.set(caller, (byCallingOwner.get(caller) ?? 0) + ms)
    const name = `${frame.functionName || '(anonymous)'} ${owner}${frame.url ? `:${frame.lineNumber + 1}` : ''}`
    byFunction.set(name, (byFunction.get(name) ?? 0) + ms)
  })
  return {
    file,
    busyMs: Math.round(busyMs),
    idleMs: Math.round(idleMs),
    byOwner: top(byOwner, busyMs, count),
    byCallingOwner: top(byCallingOwner, busyMs, count),
    byFunction: top(byFunction, busyMs, count),
  }
}
