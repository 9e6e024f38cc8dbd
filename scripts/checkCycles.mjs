// Fails when the modules under src/ import each other in a cycle, and prints each cycle's path.
//
// Why a script and not eslint-plugin-import-x's no-cycle: that rule skips `import type` edges,
// and the cycles this guards against (a service importing HandlerContext from ipc/, a card
// importing its section's types) are type-only. A type edge still ties two modules' shapes
// together, so it counts here. The TypeScript scanner reads the imports of ~500 files in well
// under a second, where no-cycle walks export maps per file.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import ts from 'typescript'

const root = resolve(import.meta.dirname, '..')
const sourceRoot = join(root, 'src')

/** Folders left out of the check; each entry says why (none today). */
const excluded = []

const sourceFile = /\.(ts|tsx|mts)$/
const candidates = ['', '.ts', '.tsx', '.mts', '.d.ts', '/index.ts', '/index.tsx']

function listSources(dir) {
  return readdirSync(dir, { recursive: true })
    .map((name) => join(dir, String(name)))
    .filter((file) => sourceFile.test(file) && statSync(file).isFile())
}

/** The file a relative specifier names (`./x`, `./x.js` written for ESM), or null. */
function resolveRelative(from, specifier) {
  const base = resolve(dirname(from), specifier.replace(/\.(m?js|jsx)$/, ''))
  for (const suffix of candidates) {
    const file = base + suffix
    if (sourceFile.test(file) && existsSync(file) && statSync(file).isFile()) return file
  }
  return null
}

const files = listSources(sourceRoot)
const graph = new Map()
for (const file of files) {
  const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true)
  const targets = new Set()
  for (const { fileName } of info.importedFiles) {
    if (!fileName.startsWith('.')) continue
    const target = resolveRelative(file, fileName)
    if (target) targets.add(target)
  }
  graph.set(file, [...targets])
}

const name = (file) => relative(root, file).split('\\').join('/')
const isExcluded = (file) => excluded.some((prefix) => name(file).startsWith(prefix))

// Tarjan's strongly connected components, iterative so a deep import chain cannot overflow.
let index = 0
const order = new Map()
const low = new Map()
const stack = []
const onStack = new Set()
const components = []
for (const start of graph.keys()) {
  if (order.has(start)) continue
  const work = [{ node: start, next: 0 }]
  order.set(start, index)
  low.set(start, index++)
  stack.push(start)
  onStack.add(start)
  while (work.length > 0) {
    const frame = work[work.length - 1]
    const edges = graph.get(frame.node) ?? []
    if (frame.next < edges.length) {
      const target = edges[frame.next++]
      if (!order.has(target)) {
        order.set(target, index)
        low.set(target, index++)
        stack.push(target)
        onStack.add(target)
        work.push({ node: target, next: 0 })
      } else if (onStack.has(target))
        low.set(frame.node, Math.min(low.get(frame.node), order.get(target)))
      continue
    }
    work.pop()
    if (work.length > 0) {
      const parent = work[work.length - 1].node
      low.set(parent, Math.min(low.get(parent), low.get(frame.node)))
    }
    if (low.get(frame.node) === order.get(frame.node)) {
      const component = []
      let member
      do {
        member = stack.pop()
        onStack.delete(member)
        component.push(member)
      } while (member !== frame.node)
      const isCycle = component.length > 1 || (graph.get(frame.node) ?? []).includes(frame.node)
      if (isCycle) components.push(component)
    }
  }
}

/** One concrete loop through a component, for the message: a -> b -> … -> a. */
function cyclePath(component) {
  const members = new Set(component)
  const start = component.slice().sort()[0]
  const previous = new Map([[start, null]])
  const queue = [start]
  while (queue.length > 0) {
    const node = queue.shift()
    for (const target of graph.get(node) ?? []) {
      if (!members.has(target)) continue
      if (target === start) {
        const path = [start]
        for (let at = node; at !== null && at !== start; at = previous.get(at))
          path.splice(1, 0, at)
        return [...path, start]
      }
      if (!previous.has(target)) {
        previous.set(target, node)
        queue.push(target)
      }
    }
  }
  return [start, start]
}

const reported = components.filter((component) => !component.every(isExcluded))
for (const component of reported) {
  console.error(`Import cycle (${component.length} modules):`)
  console.error(`  ${cyclePath(component).map(name).join('\n    -> ')}`)
}
if (reported.length > 0) {
  console.error(
    `\n${reported.length} import cycle(s) under src/. Move the shared part to its own module.`,
  )
  process.exit(1)
}
console.log(`No import cycles among ${files.length} modules under src/.`)
