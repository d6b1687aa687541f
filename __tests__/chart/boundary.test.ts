/**
 * The workspace boundary on a real file system: which real paths count as inside (a sibling sharing a prefix does
 * not, the root itself does, `/` holds everything), how allowed paths resolve against the workspace, that a path
 * leaving through a symlink is refused saying where it points, and what readRegularFile reads and refuses.
 */
import { mkdirSync, mkdtempSync, readdirSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { assertInsideWorkspace, isInside, readRegularFile, workspaceRoots } from '../../src/chart/boundary'
import { ChartError, InputError } from '../../src/errors'
import { caught } from '../support/caught'

let root: string
beforeAll(() => {
  root = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'hop-boundary-')))
  mkdirSync(path.join(root, 'ws', 'charts', 'web'), { recursive: true })
  mkdirSync(path.join(root, 'ws-other'))
  mkdirSync(path.join(root, 'shared'))
  writeFileSync(path.join(root, 'ws', 'charts', 'web', 'Chart.yaml'), 'name: web\n')
  writeFileSync(path.join(root, 'ws-other', 'secret.txt'), 'not yours')
  symlinkSync(path.join(root, 'ws-other'), path.join(root, 'ws', 'escape'))
  symlinkSync(path.join(root, 'ws', 'charts'), path.join(root, 'ws', 'inside-link'))
  symlinkSync(path.join(root, 'nowhere'), path.join(root, 'ws', 'dangling'))
})
afterAll(() => rmSync(root, { recursive: true, force: true }))

describe('isInside', () => {
  test('the root itself and what lies below it; not a sibling whose name starts the same', () => {
    expect(isInside('/w/ws', ['/w/ws'])).toBe(true)
    expect(isInside('/w/ws/a/b', ['/w/ws'])).toBe(true)
    expect(isInside('/w/ws-other/x', ['/w/ws'])).toBe(false)
    expect(isInside('/w/wsx', ['/w/ws'])).toBe(false)
    expect(isInside('/w', ['/w/ws'])).toBe(false)
  })

  test('a root written with a trailing separator, and "/" itself, hold everything below them', () => {
    expect(isInside('/w/ws/a', ['/w/ws/'])).toBe(true)
    expect(isInside('/anything/at/all', ['/'])).toBe(true)
  })

  test('any of several roots will do; none is none', () => {
    expect(isInside('/b/x', ['/a', '/b'])).toBe(true)
    expect(isInside('/c/x', ['/a', '/b'])).toBe(false)
    expect(isInside('/a', [])).toBe(false)
  })
})

describe('workspaceRoots', () => {
  test('the real workspace first, then each allowed path resolved against it (relative or absolute)', async () => {
    const ws = path.join(root, 'ws')
    expect(await workspaceRoots(ws, ['../shared', path.join(root, 'ws', 'inside-link')])).toEqual([ws, path.join(root, 'shared'), path.join(ws, 'charts')])
    expect(await workspaceRoots(ws)).toEqual([ws])
  })

  test('a missing allowed path is an input error naming it and where it resolved to', async () => {
    const err = await caught(workspaceRoots(path.join(root, 'ws'), ['../missing']))
    expect(err).toBeInstanceOf(InputError)
    expect(err.message).toBe(`allowed path "../missing" does not exist (resolved to ${path.join(root, 'missing')})`)
    expect(err).toMatchObject({ file: '../missing', hint: 'List existing directories in allowed-paths' })
  })
})

describe('assertInsideWorkspace', () => {
  test('returns the real path of what lies inside, also through a symlink that stays inside', async () => {
    const ws = path.join(root, 'ws')
    expect(await assertInsideWorkspace(path.join(ws, 'charts', 'web'), [ws], 'charts/web')).toBe(path.join(ws, 'charts', 'web'))
    expect(await assertInsideWorkspace(path.join(ws, 'inside-link', 'web'), [ws], 'inside-link/web')).toBe(path.join(ws, 'charts', 'web'))
  })

  test('a path outside is refused naming the workspace; through a symlink, also where it points', async () => {
    const ws = path.join(root, 'ws')
    const direct = await caught(assertInsideWorkspace(path.join(root, 'ws-other'), [ws], '../ws-other'))
    expect(direct).toBeInstanceOf(InputError)
    expect(direct.message).toBe(`../ws-other is outside the workspace ${ws}`)
    expect(direct).toMatchObject({ file: '../ws-other' })
    expect((direct as InputError).hint).toContain('allowed-paths')
    const linked = await caught(assertInsideWorkspace(path.join(ws, 'escape', 'secret.txt'), [ws], 'escape/secret.txt'))
    expect(linked.message).toBe(`escape/secret.txt is outside the workspace ${ws} (it points to ${path.join(root, 'ws-other', 'secret.txt')})`)
    // Allowed once listed.
    expect(await assertInsideWorkspace(path.join(ws, 'escape', 'secret.txt'), [ws, path.join(root, 'ws-other')], 'x')).toBe(
      path.join(root, 'ws-other', 'secret.txt')
    )
  })
})

describe('readRegularFile', () => {
  const limits = (within: string[], maxSize = 100) => ({ maxSize, within, fail: (why: string) => new ChartError(`.helmignore ${why}`) })

  test('reads the whole file, at exactly the size limit too; a missing file is undefined', async () => {
    const ws = path.join(root, 'ws')
    writeFileSync(path.join(ws, 'exact'), 'x'.repeat(100))
    expect((await readRegularFile(path.join(ws, 'exact'), limits([ws])))!.toString()).toBe('x'.repeat(100))
    expect((await readRegularFile(path.join(ws, 'charts', 'web', 'Chart.yaml'), limits([ws])))!.toString()).toBe('name: web\n')
    expect(await readRegularFile(path.join(ws, 'missing'), limits([ws]))).toBeUndefined()
    const big = await caught(readRegularFile(path.join(ws, 'exact'), limits([ws], 99)))
    expect(big.message).toBe('.helmignore is larger than 99 bytes')
  })

  test('a dangling symlink, a link leaving the boundary and a directory are refused with what is wrong', async () => {
    const ws = path.join(root, 'ws')
    expect((await caught(readRegularFile(path.join(ws, 'dangling'), limits([ws])))).message).toBe('.helmignore is a dangling symlink')
    expect((await caught(readRegularFile(path.join(ws, 'escape', 'secret.txt'), limits([ws])))).message).toBe(
      `.helmignore points outside its directory (to ${path.join(root, 'ws-other', 'secret.txt')})`
    )
    expect((await caught(readRegularFile(path.join(ws, 'charts'), limits([ws])))).message).toBe(
      '.helmignore is not a regular file (a FIFO, socket, device or directory)'
    )
    // Through a link that stays inside: read.
    expect((await readRegularFile(path.join(ws, 'inside-link', 'web', 'Chart.yaml'), limits([ws])))!.toString()).toBe('name: web\n')
  })
})

describe('descriptors', () => {
  // /proc/self/fd lists this process's open descriptors: a read that forgot to close would leave one per call.
  const open = (): number => readdirSync('/proc/self/fd').length
  test('readRegularFile closes what it opens, after a read and after a refusal', async () => {
    const ws = path.join(root, 'ws')
    const file = path.join(ws, 'charts', 'web', 'Chart.yaml')
    const limits = (maxSize: number) => ({ maxSize, within: [ws], fail: (why: string) => new ChartError(why) })
    await readRegularFile(file, limits(100))
    const before = open()
    for (let i = 0; i < 20; i++) await readRegularFile(file, limits(100))
    expect(open()).toBe(before)
  })
})
