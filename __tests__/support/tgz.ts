/** A `.tgz` of `[name, content]` entries in `dir` (USTAR headers, Node's gzip), for tests of the archive reader. */
import { writeFileSync } from 'node:fs'
import * as path from 'node:path'
import { gzipSync } from 'node:zlib'
import { fileHeader, padding, trailer } from '../../src/chart/tar'

export function writeTgz(dir: string, entries: Array<[string, string]>): string {
  const parts: Buffer[] = []
  for (const [name, content] of entries) parts.push(fileHeader(name, Buffer.byteLength(content), 0), Buffer.from(content), padding(Buffer.byteLength(content)))
  parts.push(trailer())
  const file = path.join(dir, 'x.tgz')
  writeFileSync(file, gzipSync(Buffer.concat(parts)))
  return file
}
