/**
 * Reading a test registry independently of the code under test: plain
 * node:http GETs, answering Basic or Bearer (Docker token protocol)
 * challenges with the registry's test user, and hashing what comes back.
 */
import { createHash } from 'node:crypto'
import * as http from 'node:http'

export const sha256 = (b: Buffer | string): string => `sha256:${createHash('sha256').update(b).digest('hex')}`

const MANIFEST_ACCEPT = 'application/vnd.oci.image.manifest.v1+json, application/vnd.oci.image.index.v1+json'

interface Got {
  status: number
  body: Buffer
  headers: http.IncomingHttpHeaders
}

function get(url: string, headers: Record<string, string> = {}): Promise<Got> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks), headers: res.headers }))
      })
      .on('error', reject)
  })
}

export interface Descriptor {
  mediaType: string
  digest: string
  size: number
  artifactType?: string
  annotations?: Record<string, string>
}

export interface RegistryReader {
  /** The manifest's bytes and their digest; undefined on 404. */
  manifest(repo: string, ref: string): Promise<{ bytes: Buffer; digest: string; json: any } | undefined>
  blob(repo: string, digest: string): Promise<Buffer>
  /** The referrers tag schema's index for `digest` (Distribution 2.8 has no referrers API). */
  referrers(repo: string, digest: string): Promise<Descriptor[]>
  tags(repo: string): Promise<string[]>
}

export function registryReader(reg: { url: string; username?: string; password?: string }): RegistryReader {
  const basic = reg.username ? `Basic ${Buffer.from(`${reg.username}:${reg.password}`).toString('base64')}` : undefined
  const tokens = new Map<string, string>()
  const fetch = async (repo: string, path: string, accept: string): Promise<Got> => {
    const url = `${reg.url}/v2/${repo}/${path}`
    const auth = tokens.get(repo) ?? basic
    let res = await get(url, { accept, ...(auth ? { authorization: auth } : {}) })
    const challenge = res.headers['www-authenticate']
    if (res.status === 401 && typeof challenge === 'string' && /^Bearer /i.test(challenge)) {
      const param = (k: string): string => new RegExp(`${k}="([^"]*)"`).exec(challenge)?.[1] ?? ''
      const tokenUrl = `${param('realm')}?service=${encodeURIComponent(param('service'))}&scope=${encodeURIComponent(`repository:${repo}:pull`)}`
      const t = await get(tokenUrl, basic ? { authorization: basic } : {})
      if (t.status !== 200) throw new Error(`token for ${repo}: ${t.status}`)
      tokens.set(repo, `Bearer ${JSON.parse(t.body.toString()).token}`)
      res = await get(url, { accept, authorization: tokens.get(repo)! })
    }
    return res
  }
  const reader: RegistryReader = {
    async manifest(repo, ref) {
      const res = await fetch(repo, `manifests/${ref}`, MANIFEST_ACCEPT)
      if (res.status === 404) return undefined
      if (res.status !== 200) throw new Error(`GET manifest ${repo}:${ref}: ${res.status} ${res.body.toString()}`)
      return { bytes: res.body, digest: sha256(res.body), json: JSON.parse(res.body.toString()) }
    },
    async blob(repo, digest) {
      const res = await fetch(repo, `blobs/${digest}`, '*/*')
      if (res.status !== 200) throw new Error(`GET blob ${repo}@${digest}: ${res.status}`)
      if (sha256(res.body) !== digest) throw new Error(`blob ${digest} has other content`)
      return res.body
    },
    async referrers(repo, digest) {
      const index = await reader.manifest(repo, digest.replace(':', '-'))
      return index ? (index.json.manifests as Descriptor[]) : []
    },
    async tags(repo) {
      const res = await fetch(repo, 'tags/list', 'application/json')
      if (res.status === 404) return []
      return (JSON.parse(res.body.toString()).tags as string[] | null) ?? []
    }
  }
  return reader
}
