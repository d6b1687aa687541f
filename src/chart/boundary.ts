/**
 * Where the action may read: every chart, `.tgz`, `.prov` and `file://`
 * dependency must lie, after symlinks are followed, inside GITHUB_WORKSPACE
 * or a directory listed in the `allowed-paths` input; and how it reads a
 * small file it did not make (`.helmignore`, `.prov`): only a regular file,
 * inside its boundary, under a size limit, opened so that a FIFO or device
 * swapped in after the check cannot block or be read.
 */
import * as fsSync from 'node:fs'
import { constants, promises as fs } from 'node:fs'
import * as path from 'node:path'
import { InputError, PublishError } from '../errors'

/** The real paths of the workspace and of each allowed path (resolved against the workspace). */
export async function workspaceRoots(workspace: string, allowed: string[] = []): Promise<string[]> {
  const roots: string[] = []
  for (const p of [workspace, ...allowed]) {
    const abs = path.resolve(workspace, p)
    const real = await fs.realpath(abs).catch(() => {
      throw new InputError(`allowed path "${p}" does not exist (resolved to ${abs})`, { file: p, hint: 'List existing directories in allowed-paths' })
    })
    roots.push(real)
  }
  return roots
}

/** Whether `real` (already resolved) is one of `roots` or below one. */
export function isInside(real: string, roots: string[]): boolean {
  return roots.some((r) => real === r || real.startsWith(r.endsWith(path.sep) ? r : r + path.sep))
}

/**
 * The real path of `abs`, or an InputError saying which path left the
 * workspace and where it pointed. `what` names the path as the user wrote it.
 * Exported for `file://` dependencies as well as charts and provenance files.
 */
export async function assertInsideWorkspace(abs: string, roots: string[], what: string): Promise<string> {
  const real = await fs.realpath(abs)
  if (!isInside(real, roots)) {
    const via = real === path.resolve(abs) ? '' : ` (it points to ${real})`
    throw new InputError(`${what} is outside the workspace ${roots[0]}${via}`, {
      file: what,
      hint: 'Only files in the checked-out repository are published; add the directory to the allowed-paths input if it is meant to be used'
    })
  }
  return real
}

export interface ReadLimits {
  /** Largest size accepted. */
  maxSize: number
  /** Directories the file (after symlinks) must lie in. */
  within: string[]
  /** Builds the error for a refused file (the file's contents are never quoted). */
  fail: (why: string) => PublishError
}

/**
 * A small regular file, or undefined when it does not exist. The type is
 * checked before opening, the open never blocks (O_NONBLOCK) nor follows a
 * link swapped in meanwhile (O_NOFOLLOW on the resolved path), and the type
 * and size are checked again on the open handle.
 */
export async function readRegularFile(abs: string, limits: ReadLimits): Promise<Buffer | undefined> {
  // Synchronous calls: on a small local file each takes microseconds, while each asynchronous one costs a thread-pool
  // round trip (about 60 µs of CPU), which is most of what loading a small chart costs. O_NONBLOCK keeps the open from
  // ever waiting, so nothing here can stall the run.
  const lst = statOrUndefined(() => fsSync.lstatSync(abs))
  if (!lst) return undefined
  let real: string
  try {
    real = fsSync.realpathSync.native(abs)
  } catch {
    throw limits.fail('is a dangling symlink')
  }
  if (!isInside(real, limits.within)) throw limits.fail(`points outside its directory (to ${real})`)
  const check = (s: { isFile(): boolean; size: number }): void => {
    if (!s.isFile()) throw limits.fail('is not a regular file (a FIFO, socket, device or directory)')
    if (s.size > limits.maxSize) throw limits.fail(`is larger than ${limits.maxSize} bytes`)
  }
  check(fsSync.statSync(real))
  const fd = fsSync.openSync(real, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW)
  try {
    const st2 = fsSync.fstatSync(fd)
    check(st2)
    const buf = Buffer.alloc(st2.size)
    let off = 0
    while (off < buf.length) {
      const bytesRead = fsSync.readSync(fd, buf, off, buf.length - off, off)
      if (!bytesRead) break
      off += bytesRead
    }
    return buf.subarray(0, off)
  } finally {
    fsSync.closeSync(fd)
  }
}

/** `stat()`'s result, or undefined when the path does not exist (or cannot be looked at). */
export function statOrUndefined<T>(stat: () => T): T | undefined {
  try {
    return stat()
  } catch {
    return undefined
  }
}
