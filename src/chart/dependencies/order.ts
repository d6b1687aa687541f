/**
 * The order charts of one run are packaged and published in: a chart comes
 * after the charts of the same run it depends on, through a file:// path
 * (to that chart's directory) or through the target registry (an oci://
 * repository equal to the registry input, with the chart's name; packaged
 * `.tgz` inputs take part this way, their Chart.yaml read from the archive).
 * Otherwise the input order is kept. Pure: no file system, no network.
 */
import * as path from 'node:path'
import { ChartError } from '../../errors'

export interface OrderNode {
  /** As shown in messages (the source path). */
  display: string
  name?: string
  /** Absolute chart directory (absent for packaged archives). */
  dir?: string
  dependencies: Array<{ name: string; repository: string }>
}

/** oci://host/namespace of the target registry. */
export interface OrderTarget {
  host: string
  namespace: string
}

/** The charts of one run depend on each other in a circle; `members` are their indexes. */
export class DependencyCycleError extends ChartError {
  constructor(
    message: string,
    ctx: ConstructorParameters<typeof ChartError>[1],
    readonly members: number[]
  ) {
    super(message, ctx)
  }
}

const norm = (s: string): string =>
  s
    .replace(/^oci:\/\//, '')
    .replace(/\/+$/, '')
    .toLowerCase()

/** The indexes of the nodes each node depends on. */
export function dependencyEdges(nodes: OrderNode[], target?: OrderTarget): number[][] {
  const registry = target ? norm([target.host, target.namespace].filter(Boolean).join('/')) : undefined
  return nodes.map((node, i) => {
    const edges = new Set<number>()
    for (const d of node.dependencies) {
      let j = -1
      if (d.repository.startsWith('file://') && node.dir) {
        const p = d.repository.slice('file://'.length)
        const dir = path.resolve(node.dir, p)
        j = nodes.findIndex((n) => n.dir !== undefined && path.resolve(n.dir) === dir)
      } else if (registry && d.repository.startsWith('oci://') && norm(d.repository) === registry) {
        j = nodes.findIndex((n) => n.name === d.name)
      }
      if (j >= 0 && j !== i) edges.add(j)
      else if (j === i) edges.add(i)
    }
    return [...edges]
  })
}

/**
 * A topological order (depth first, in input order, so independent charts
 * keep their places). A cycle is a ChartError naming the charts in it.
 */
export function dependencyOrder(nodes: OrderNode[], target?: OrderTarget): number[] {
  const edges = dependencyEdges(nodes, target)
  const state = new Array<0 | 1 | 2>(nodes.length).fill(0)
  const out: number[] = []
  const stack: number[] = []
  const visit = (i: number): void => {
    if (state[i] === 2) return
    if (state[i] === 1) {
      const members = stack.slice(stack.indexOf(i))
      const cycle = [...members, i].map((k) => nodes[k].name ?? nodes[k].display)
      throw new DependencyCycleError(
        `dependency cycle between the charts of this run: ${cycle.join(' → ')}`,
        {
          chart: nodes[i].display,
          file: path.join(nodes[i].display, 'Chart.yaml'),
          hint: 'Charts cannot depend on each other in a circle; remove one of these dependencies'
        },
        members
      )
    }
    state[i] = 1
    stack.push(i)
    for (const j of edges[i]) visit(j)
    stack.pop()
    state[i] = 2
    out.push(i)
  }
  for (let i = 0; i < nodes.length; i++) visit(i)
  return out
}
