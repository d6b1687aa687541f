/**
 * The packaging instant: SOURCE_DATE_EPOCH as Helm reads it (pkg/chart/v2/util/epoch.go: strconv.ParseInt(v, 10, 64),
 * not negative), else the last commit that touched the chart (real git repositories made here, commit times set with
 * GIT_COMMITTER_DATE), else the file's modification time (set with utimes).
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { InputError } from '../../src/errors'
import { parseSourceDateEpoch, sourceDateEpoch } from '../../src/chart/source-date'

let root: string
beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'hop-sde-'))
})
afterAll(() => rmSync(root, { recursive: true, force: true }))

const gitEnv = { GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com', HOME: os.tmpdir() }
const git = (cwd: string, args: string[], env: Record<string, string> = {}): string =>
  execFileSync('git', ['-c', 'init.defaultBranch=main', ...args], { cwd, env: { ...process.env, ...gitEnv, ...env }, encoding: 'utf8' }).trim()

/** A repository with charts/a committed at `aTime` and charts/b at `bTime` (epoch seconds), b committed last. */
function repo(name: string, aTime: number, bTime: number): string {
  const dir = path.join(root, name)
  for (const c of ['a', 'b']) {
    mkdirSync(path.join(dir, 'charts', c), { recursive: true })
    writeFileSync(path.join(dir, 'charts', c, 'Chart.yaml'), `name: ${c}\n`)
  }
  git(dir, ['init', '-q'])
  git(dir, ['add', 'charts/a'])
  git(dir, ['commit', '-qm', 'a'], { GIT_COMMITTER_DATE: `@${aTime} +0000`, GIT_AUTHOR_DATE: `@${aTime - 1000} +0000` })
  git(dir, ['add', 'charts/b'])
  git(dir, ['commit', '-qm', 'b'], { GIT_COMMITTER_DATE: `@${bTime} +0000`, GIT_AUTHOR_DATE: `@${bTime - 1000} +0000` })
  return dir
}

describe('SOURCE_DATE_EPOCH', () => {
  test('whole seconds since 1970, read before anything on disk (the target need not exist, git never runs)', async () => {
    const r = await sourceDateEpoch(path.join(root, 'does-not-exist'), { SOURCE_DATE_EPOCH: '1700000000' })
    expect(r).toEqual({ date: new Date('2023-11-14T22:13:20Z'), source: 'SOURCE_DATE_EPOCH' })
  })

  test.each([
    ['0', '1970-01-01T00:00:00.000Z'],
    ['-0', '1970-01-01T00:00:00.000Z'],
    ['+1700000000', '2023-11-14T22:13:20.000Z'],
    ['0001700000000', '2023-11-14T22:13:20.000Z'],
    ['8589934591', '2242-03-16T12:56:31.000Z']
  ])('%j is what Go strconv.ParseInt(v, 10, 64) reads', (raw, iso) => {
    expect(parseSourceDateEpoch(raw).toISOString()).toBe(iso)
  })

  // Helm refuses these (ParseInt fails, or the value is negative); so does the action, naming the variable.
  test.each(['abc', '1.5', '-1', ' 1700000000', '1700000000\n', '1e9', '0x10', '', '+', '--1'])('%j is refused', (raw) => {
    let err: unknown
    try {
      parseSourceDateEpoch(raw)
    } catch (e) {
      err = e
    }
    expect(err).toBeInstanceOf(InputError)
    expect((err as InputError).message).toBe(`invalid SOURCE_DATE_EPOCH "${raw}"`)
    expect((err as InputError).hint).toMatch(/^Set SOURCE_DATE_EPOCH to whole seconds since 1970, at most 8589934591 /)
  })

  test('a time past what a tar header holds (8589934592 s and later) is refused, not written as a wrong header', () => {
    for (const raw of ['8589934592', '9223372036854775807', '99999999999999999999']) {
      expect(() => parseSourceDateEpoch(raw)).toThrow(InputError)
      expect(() => parseSourceDateEpoch(raw)).toThrow(`invalid SOURCE_DATE_EPOCH "${raw}"`)
    }
  })

  test('an empty SOURCE_DATE_EPOCH counts as unset', async () => {
    const dir = path.join(root, 'empty-env')
    mkdirSync(dir)
    writeFileSync(path.join(dir, 'f'), 'x')
    utimesSync(path.join(dir, 'f'), 1600000000, 1600000000.7)
    const r = await sourceDateEpoch(path.join(dir, 'f'), { SOURCE_DATE_EPOCH: '' })
    expect(r.source).toBe('its modification time, since it is not committed to git')
  })
})

describe('without SOURCE_DATE_EPOCH', () => {
  test('the committer time of the last commit that changed the chart, not the repository head', async () => {
    const dir = repo('two', 1600000000, 1650000000)
    const r = await sourceDateEpoch(path.join(dir, 'charts', 'a'), {})
    const sha = git(dir, ['log', '-1', '--format=%h', '--', 'charts/a'])
    expect(r).toEqual({ date: new Date(1600000000 * 1000), source: `the last commit that changed it, ${sha}`, warning: undefined })
    const rb = await sourceDateEpoch(path.join(dir, 'charts', 'b'), {})
    expect(rb.date).toEqual(new Date(1650000000 * 1000))
    expect(rb.source).toBe(`the last commit that changed it, ${git(dir, ['rev-parse', '--short', 'HEAD'])}`)
  })

  test('a packaged archive: the commit that last changed the archive file, git run from its folder', async () => {
    const dir = repo('archive', 1600000000, 1650000000)
    writeFileSync(path.join(dir, 'charts', 'a', 'a-1.0.0.tgz'), 'not really')
    git(dir, ['add', 'charts/a/a-1.0.0.tgz'])
    git(dir, ['commit', '-qm', 'tgz'], { GIT_COMMITTER_DATE: '@1660000000 +0000' })
    const r = await sourceDateEpoch(path.join(dir, 'charts', 'a', 'a-1.0.0.tgz'), {})
    expect(r.date).toEqual(new Date(1660000000 * 1000))
  })

  test('uncommitted changes to the chart are said in the source, changes elsewhere are not', async () => {
    const dir = repo('dirty', 1600000000, 1650000000)
    writeFileSync(path.join(dir, 'charts', 'b', 'values.yaml'), 'x: 1\n')
    const sha = git(dir, ['log', '-1', '--format=%h', '--', 'charts/a'])
    expect((await sourceDateEpoch(path.join(dir, 'charts', 'a'), {})).source).toBe(`the last commit that changed it, ${sha}`)
    writeFileSync(path.join(dir, 'charts', 'a', 'Chart.yaml'), 'name: a2\n')
    const r = await sourceDateEpoch(path.join(dir, 'charts', 'a'), {})
    expect(r.source).toBe(`the last commit that changed it, ${sha}; the working tree has uncommitted changes`)
    expect(r.date).toEqual(new Date(1600000000 * 1000))
  })

  test('a shallow clone warns that the time depends on the fetch depth', async () => {
    const dir = repo('deep', 1600000000, 1650000000)
    const clone = path.join(root, 'shallow')
    git(root, ['clone', '-q', '--depth', '1', `file://${dir}`, clone])
    const r = await sourceDateEpoch(path.join(clone, 'charts', 'a'), {})
    // The only fetched commit is b's: in a shallow clone it "changed" every file.
    expect(r.date).toEqual(new Date(1650000000 * 1000))
    expect(r.warning).toMatch(/^the repository is a shallow clone, .*fetch-depth: 0 \(or set SOURCE_DATE_EPOCH\)$/)
    // The full repository gives no warning.
    expect((await sourceDateEpoch(path.join(dir, 'charts', 'a'), {})).warning).toBeUndefined()
  })

  test('not in git, or never committed: the modification time, whole seconds rounded down', async () => {
    const dir = path.join(root, 'plain', 'chart')
    mkdirSync(dir, { recursive: true })
    utimesSync(dir, 1600000000, 1600000123.9)
    const r = await sourceDateEpoch(dir, {})
    expect(r).toEqual({ date: new Date(1600000123 * 1000), source: 'its modification time, since it is not committed to git' })
    expect(r.warning).toBeUndefined()

    const repoDir = repo('untracked', 1600000000, 1650000000)
    const fresh = path.join(repoDir, 'charts', 'new')
    mkdirSync(fresh)
    writeFileSync(path.join(fresh, 'Chart.yaml'), 'name: new\n')
    utimesSync(fresh, 1500000000, 1500000000.5)
    expect((await sourceDateEpoch(fresh, {})).date).toEqual(new Date(1500000000 * 1000))
  })

  test('git runs silently: nothing reaches the runner log', async () => {
    const dir = repo('silent', 1600000000, 1650000000)
    const write = jest.spyOn(process.stdout, 'write')
    try {
      expect((await sourceDateEpoch(path.join(dir, 'charts', 'a'), {})).date).toEqual(new Date(1600000000 * 1000))
      expect(write).not.toHaveBeenCalled()
    } finally {
      write.mockRestore()
    }
  })

  test('no git on PATH: the modification time', async () => {
    const dir = repo('no-git', 1600000000, 1650000000)
    utimesSync(path.join(dir, 'charts', 'a'), 1400000000, 1400000000)
    const saved = process.env.PATH
    process.env.PATH = path.join(root, 'empty-bin')
    try {
      expect((await sourceDateEpoch(path.join(dir, 'charts', 'a'), {})).date).toEqual(new Date(1400000000 * 1000))
    } finally {
      process.env.PATH = saved
    }
  })
})
